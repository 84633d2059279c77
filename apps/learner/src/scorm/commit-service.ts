import type { CommitMetadata, IHttpService, ResultObject, Settings } from 'scorm-again';

const GENERAL_COMMIT_FAILURE = 391;
const failed = (errorMessage?: string): ResultObject => ({
  result: 'false',
  errorCode: GENERAL_COMMIT_FAILURE,
  ...(errorMessage ? { errorMessage } : {}),
});

/** Reads the LMS answer `{"result":"true","errorCode":0}`; any 2xx without one counts as stored. */
function resultOf(xhr: XMLHttpRequest): ResultObject {
  if (xhr.status < 200 || xhr.status > 299) return failed(`HTTP ${xhr.status}`);
  try {
    const body = JSON.parse(xhr.responseText) as Partial<ResultObject>;
    if (body && typeof body === 'object' && 'result' in body) {
      const ok = body.result === true || body.result === 'true';
      return {
        result: ok ? 'true' : 'false',
        errorCode: typeof body.errorCode === 'number' ? body.errorCode : ok ? 0 : 101,
      };
    }
  } catch {
    // Not JSON: the status said it was stored.
  }
  return { result: 'true', errorCode: 0 };
}

/**
 * How the player's SCO commits reach the API. scorm-again's own synchronous service sends every
 * terminate commit by sendBeacon, even when the page stays open; the player then asks the server
 * for the next SCO at once, and that request could overtake the beacon and be sequenced on the
 * SCO's old status. So every commit goes by synchronous XHR (what SCORM expects: LMSCommit returns
 * once the data is stored), and only a commit made while the page is being left goes by
 * sendBeacon, the one request a closing page is allowed to send (text/plain, no custom headers).
 */
export class CommitService implements IHttpService {
  private settings: Settings;
  /** Set by the player on pagehide: the page is going away. */
  leaving = false;

  constructor(settings: Settings) {
    this.settings = settings;
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
  }

  processHttpRequest(
    url: string,
    params: unknown,
    _immediate: boolean,
    _apiLog: unknown,
    _processListeners: unknown,
    metadata?: CommitMetadata,
  ): ResultObject {
    const handled = this.settings.requestHandler ? this.settings.requestHandler(params, metadata) : params;
    const body = JSON.stringify(handled ?? params);
    return this.leaving ? this.beacon(url, body) : this.post(url, body);
  }

  private beacon(url: string, body: string): ResultObject {
    const type = this.settings.terminationCommitContentType ?? 'text/plain;charset=UTF-8';
    const sent =
      typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(url, new Blob([body], { type }));
    return sent ? { result: 'true', errorCode: 0 } : failed('sendBeacon refused the commit');
  }

  private post(url: string, body: string): ResultObject {
    const xhr = new XMLHttpRequest();
    try {
      xhr.open('POST', url, false);
      xhr.setRequestHeader('Content-Type', 'application/json');
      for (const [name, value] of Object.entries(this.settings.xhrHeaders ?? {}))
        xhr.setRequestHeader(name, String(value));
      xhr.send(body);
      return resultOf(xhr);
    } catch {
      // Browsers refuse synchronous requests outright while a page (or the SCO's frame) is being
      // dismissed; the beacon is what still goes out then.
      return this.beacon(url, body);
    }
  }
}
