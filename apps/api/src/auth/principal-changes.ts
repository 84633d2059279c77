import type { Logger } from 'pino';
import pg from 'pg';

/** The channel the principal-change triggers notify (migration 1764490000000). */
export const PRINCIPAL_CHANNEL = 'principal_changed';
/** The payload meaning "anyone may have changed". */
export const EVERYONE = '*';

const RECONNECT_AFTER_MS = 1000;

type Handler = (userId: string) => void;
type LiveHandler = (live: boolean) => void;

/**
 * Carries PostgreSQL's "this person's sign-in may have changed" notifications to the principal
 * cache, over two paths:
 * - every pooled connection listens (pg-pool's onConnect hook). PostgreSQL hands a session its own
 *   notifications before the commit that raised them returns, so a change made by this process is
 *   known here before the request that made it answers: the next request already sees it.
 * - one dedicated connection listens for changes made by other processes. While it is down nothing
 *   may be cached (`live` is false), since such a change could go unheard.
 */
export class PrincipalChanges {
  private readonly handlers = new Set<Handler>();
  private readonly liveHandlers = new Set<LiveHandler>();
  private listener?: pg.Client;
  private reconnect?: NodeJS.Timeout;
  private closed = false;
  live = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly logger?: Logger,
  ) {}

  /** For pg-pool's `onConnect` option: the pool hands the connection out only once it listens. */
  readonly onPoolConnect = async (client: pg.PoolClient): Promise<void> => {
    client.on('notification', this.deliver);
    await client.query(`LISTEN ${PRINCIPAL_CHANNEL}`);
  };

  onChange(handler: Handler): void {
    this.handlers.add(handler);
  }

  onLiveChange(handler: LiveHandler): void {
    this.liveHandlers.add(handler);
  }

  /** Opens the dedicated listening connection, and reopens it whenever it drops, until close(). */
  async listen(): Promise<void> {
    if (this.closed || this.listener) return;
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      application_name: 'archipelago-api-listener',
    });
    this.listener = client;
    client.on('notification', this.deliver);
    client.on('error', (error) => this.dropped(client, error));
    client.on('end', () => this.dropped(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${PRINCIPAL_CHANNEL}`);
      if (this.listener === client) this.setLive(true);
    } catch (error) {
      this.dropped(client, error);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnect);
    const client = this.listener;
    this.listener = undefined;
    this.setLive(false);
    await client?.end().catch(() => undefined);
  }

  private readonly deliver = (message: pg.Notification): void => {
    if (message.channel !== PRINCIPAL_CHANNEL) return;
    for (const handler of this.handlers) handler(message.payload || EVERYONE);
  };

  private dropped(client: pg.Client, error?: unknown): void {
    if (this.listener !== client) return;
    this.listener = undefined;
    this.setLive(false);
    client.end().catch(() => undefined);
    if (this.closed) return;
    this.logger?.warn(
      { err: error },
      'Lost the database connection that hears sign-in changes; callers are not cached until it is back',
    );
    this.reconnect = setTimeout(() => void this.listen(), RECONNECT_AFTER_MS);
    this.reconnect.unref();
  }

  private setLive(live: boolean): void {
    if (this.live === live) return;
    this.live = live;
    for (const handler of this.liveHandlers) handler(live);
  }
}
