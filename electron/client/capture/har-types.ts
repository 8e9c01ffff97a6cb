/** HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), the parts this exporter writes. Custom fields start with `_`. */
export interface HarLog {
  readonly log: {
    readonly version: '1.2';
    readonly creator: HarCreator;
    readonly entries: HarEntry[];
    readonly comment?: string;
  };
}

export interface HarCreator {
  readonly name: string;
  readonly version: string;
}

export interface HarNameValue {
  readonly name: string;
  readonly value: string;
}

export interface HarCookie extends HarNameValue {
  readonly path?: string;
  readonly domain?: string;
  readonly expires?: string;
  readonly httpOnly?: boolean;
  readonly secure?: boolean;
}

export interface HarEntry {
  readonly startedDateTime: string;
  readonly time: number;
  readonly request: HarRequest;
  readonly response: HarResponse;
  readonly cache: Record<string, never>;
  readonly timings: HarTimings;
  readonly serverIPAddress?: string;
  readonly connection?: string;
  readonly comment?: string;
  readonly _id: number;
  readonly _attempt: string;
  readonly _label?: string;
  readonly _error?: { readonly code: string; readonly message: string };
  readonly _xcap?: unknown;
  readonly _tls?: unknown;
}

export interface HarRequest {
  readonly method: string;
  readonly url: string;
  readonly httpVersion: string;
  readonly cookies: HarCookie[];
  readonly headers: HarNameValue[];
  readonly queryString: HarNameValue[];
  readonly postData?: HarPostData;
  readonly headersSize: number;
  readonly bodySize: number;
}

/** `_encoding: 'base64'` for binary bodies: HAR 1.2 has `encoding` on content only. */
export interface HarPostData {
  readonly mimeType: string;
  readonly text: string;
  readonly _encoding?: 'base64';
  readonly comment?: string;
}

export interface HarResponse {
  readonly status: number;
  readonly statusText: string;
  readonly httpVersion: string;
  readonly cookies: HarCookie[];
  readonly headers: HarNameValue[];
  readonly content: HarContent;
  readonly redirectURL: string;
  readonly headersSize: number;
  readonly bodySize: number;
}

export interface HarContent {
  readonly size: number;
  readonly mimeType: string;
  readonly text?: string;
  readonly encoding?: 'base64';
  readonly comment?: string;
}

export interface HarTimings {
  readonly blocked: number;
  readonly dns: number;
  readonly connect: number;
  readonly send: number;
  readonly wait: number;
  readonly receive: number;
  readonly ssl: number;
}
