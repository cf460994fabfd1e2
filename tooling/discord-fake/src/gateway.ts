import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  ApplicationFlags,
  GatewayCloseCodes,
  GatewayDispatchEvents,
  type GatewayDispatchPayload,
  type GatewayGuildCreateDispatchData,
  GatewayIntentBits,
  GatewayOpcodes,
  type GatewayReadyDispatchData,
} from 'discord-api-types/v10';
import { type WebSocket, WebSocketServer } from 'ws';
import { opaqueToken } from './snowflake.ts';
import type { World } from './world.ts';

/** Intents an application must enable in the developer portal; the fake's application has none. */
const PRIVILEGED_INTENTS =
  GatewayIntentBits.GuildMembers |
  GatewayIntentBits.GuildPresences |
  GatewayIntentBits.MessageContent;

interface Session {
  id: string;
  sequence: number;
  /** Every dispatch of the session, so that a RESUME can replay what the client missed. */
  sent: { s: number; t: string; d: unknown }[];
  socket: WebSocket | null;
}

export interface GatewayStats {
  connections: number;
  identifies: number;
  resumes: number;
  /** Dispatches sent again on RESUME because the client had not seen them. */
  replayed: number;
  heartbeats: number;
}

export interface GatewayOptions {
  world: World;
  heartbeatIntervalMs: number;
  resumeUrl: () => string;
  guildCreate: () => GatewayGuildCreateDispatchData;
}

/**
 * The gateway half of the fake: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME with
 * replay, dispatches. JSON only and uncompressed: discord.js asks for zlib-stream only when the
 * optional `zlib-sync` module is installed, and the fake refuses it (close 4002) so that a test
 * cannot silently run another protocol than the one it thinks.
 *
 * Emits `identified`, `resumed`, `closed` (with the close code the client sent or got).
 */
export class Gateway extends EventEmitter {
  readonly stats: GatewayStats = {
    connections: 0,
    identifies: 0,
    resumes: 0,
    replayed: 0,
    heartbeats: 0,
  };
  private readonly server = new WebSocketServer({ noServer: true });
  private session: Session | null = null;
  private readonly sockets = new Set<WebSocket>();
  /** Sockets that identified or resumed: a second IDENTIFY or RESUME on them is refused. */
  private readonly authenticated = new WeakSet<WebSocket>();

  constructor(private readonly options: GatewayOptions) {
    super();
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.server.handleUpgrade(req, socket, head, (ws) => this.accept(ws, req));
  }

  /** Sends a dispatch with the next sequence number; kept for replay if the client is away. */
  dispatch(t: GatewayDispatchPayload['t'], d: unknown): number {
    const session = this.session;
    if (!session) throw new Error('No gateway session: the client has not identified yet.');
    session.sequence += 1;
    const event = { s: session.sequence, t, d };
    session.sent.push(event);
    if (session.socket) send(session.socket, { op: GatewayOpcodes.Dispatch, ...event });
    return event.s;
  }

  /** Whether a client is connected and identified (or resumed) right now. */
  get connected(): boolean {
    return Boolean(this.session?.socket);
  }

  /** Closes the client's socket with a resumable code: discord.js comes back with RESUME. */
  disconnect(code: number = GatewayCloseCodes.UnknownError): void {
    const socket = this.session?.socket;
    if (!socket) throw new Error('No client is connected to the gateway.');
    this.detach(socket);
    socket.close(code, 'Fake Discord: disconnect');
  }

  /**
   * Sends op 9. Not resumable: the client identifies again (a new session, a new READY).
   * Resumable: the client sends RESUME on the same socket.
   */
  invalidateSession(resumable = false): void {
    const socket = this.session?.socket;
    if (!socket) throw new Error('No client is connected to the gateway.');
    this.detach(socket);
    this.authenticated.delete(socket);
    if (!resumable) this.session = null;
    send(socket, { op: GatewayOpcodes.InvalidSession, d: resumable });
  }

  /** Sends op 7: Discord asks the client to reconnect and resume. */
  requestReconnect(): void {
    const socket = this.session?.socket;
    if (!socket) throw new Error('No client is connected to the gateway.');
    send(socket, { op: GatewayOpcodes.Reconnect, d: null });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private detach(socket: WebSocket): void {
    if (this.session?.socket === socket) this.session.socket = null;
  }

  private accept(ws: WebSocket, req: IncomingMessage): void {
    this.stats.connections += 1;
    this.sockets.add(ws);
    const query = new URL(req.url ?? '/', 'ws://fake').searchParams;
    ws.on('close', (code) => {
      this.sockets.delete(ws);
      this.detach(ws);
      this.emit('closed', code);
      this.options.world.touch();
    });
    if (query.get('v') !== '10') {
      ws.close(GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version');
      return;
    }
    if ((query.get('encoding') ?? 'json') !== 'json' || query.has('compress')) {
      ws.close(GatewayCloseCodes.DecodeError, 'The fake speaks uncompressed JSON only');
      return;
    }
    ws.on('message', (raw) => {
      let payload: { op?: number; d?: unknown };
      try {
        payload = JSON.parse(String(raw));
      } catch {
        ws.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
        return;
      }
      switch (payload.op) {
        case GatewayOpcodes.Heartbeat:
          this.stats.heartbeats += 1;
          send(ws, { op: GatewayOpcodes.HeartbeatAck });
          this.options.world.touch();
          return;
        case GatewayOpcodes.Identify:
        case GatewayOpcodes.Resume:
          if (this.authenticated.has(ws)) {
            ws.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
          } else if (
            payload.op === GatewayOpcodes.Identify
              ? this.identify(ws, payload.d as IdentifyData)
              : this.resume(ws, payload.d as ResumeData)
          ) {
            this.authenticated.add(ws);
          }
          return;
        case GatewayOpcodes.PresenceUpdate:
        case GatewayOpcodes.VoiceStateUpdate:
        case GatewayOpcodes.RequestGuildMembers:
          if (!this.authenticated.has(ws)) {
            ws.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
          }
          return;
        default:
          ws.close(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
      }
    });
    send(ws, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs },
    });
  }

  private identify(ws: WebSocket, data: IdentifyData): boolean {
    const { world } = this.options;
    if (data?.token !== world.token) {
      ws.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return false;
    }
    if ((BigInt(data.intents ?? 0) & BigInt(PRIVILEGED_INTENTS)) !== 0n) {
      ws.close(GatewayCloseCodes.DisallowedIntents, 'Disallowed intent(s).');
      return false;
    }
    if (this.session?.socket) this.session.socket.close(GatewayCloseCodes.SessionTimedOut);
    this.session = { id: opaqueToken(), sequence: 0, sent: [], socket: ws };
    this.stats.identifies += 1;
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: world.bot,
      guilds: [{ id: world.guildId, unavailable: true }],
      session_id: this.session.id,
      resume_gateway_url: this.options.resumeUrl(),
      shard: [0, 1],
      application: {
        id: world.applicationId,
        flags: ApplicationFlags.GatewayMessageContentLimited,
        flags_new: String(ApplicationFlags.GatewayMessageContentLimited),
      },
    };
    this.dispatch(GatewayDispatchEvents.Ready, ready);
    if ((BigInt(data.intents ?? 0) & BigInt(GatewayIntentBits.Guilds)) !== 0n) {
      this.dispatch(GatewayDispatchEvents.GuildCreate, this.options.guildCreate());
    }
    this.emit('identified', this.session.id);
    world.touch();
    return true;
  }

  private resume(ws: WebSocket, data: ResumeData): boolean {
    const session = this.session;
    if (data?.token !== this.options.world.token) {
      ws.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return false;
    }
    if (!session || session.id !== data.session_id || data.seq > session.sequence) {
      send(ws, { op: GatewayOpcodes.InvalidSession, d: false });
      return false;
    }
    if (session.socket && session.socket !== ws)
      session.socket.close(GatewayCloseCodes.SessionTimedOut);
    session.socket = ws;
    this.stats.resumes += 1;
    const missed = session.sent.filter((event) => event.s > data.seq);
    for (const event of missed) send(ws, { op: GatewayOpcodes.Dispatch, ...event });
    this.stats.replayed += missed.length;
    this.dispatch(GatewayDispatchEvents.Resumed, null);
    this.emit('resumed', missed.length);
    this.options.world.touch();
    return true;
  }
}

interface IdentifyData {
  token?: string;
  intents?: number;
}

interface ResumeData {
  token?: string;
  session_id?: string;
  seq: number;
}

function send(ws: WebSocket, payload: Record<string, unknown>): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ s: null, t: null, ...payload }));
}
