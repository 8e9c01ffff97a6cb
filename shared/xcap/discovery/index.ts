/** What a server says about itself: xcap-caps (RFC 4825 §12) and the OMA xcap-directory. */
export { parseXcapCaps, type XcapCapabilities } from './xcap-caps';
export { parseXcapDirectory, type DirectoryDocument, type DirectoryFolder } from './xcap-directory';
