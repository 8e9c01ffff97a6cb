/**
 * The contract's channel names as plain data (no schemas), for the preload: a sandboxed preload
 * bundles what it imports, and the schemas are not needed there. contract.ts checks at compile time
 * that these lists and its own keys are the same.
 */
export const CALL_CHANNEL_NAMES = [
  'xcap:app.info',
  'xcap:profiles.list',
  'xcap:profiles.save',
  'xcap:profiles.remove',
  'xcap:profiles.test',
  'xcap:sandbox.status',
  'xcap:xcap.caps',
  'xcap:xcap.directory',
  'xcap:xcap.send',
  'xcap:xcap.cancel',
  'xcap:traffic.list',
  'xcap:traffic.get',
  'xcap:traffic.exportHar',
  'xcap:traffic.curl',
  'xcap:traffic.clear',
  'xcap:drafts.list',
  'xcap:drafts.save',
  'xcap:drafts.remove',

] as const;

export const EVENT_CHANNEL_NAMES = ['xcap:traffic.recorded', 'xcap:traffic.cleared', 'xcap:profiles.changed'] as const;
