/**
 * The parts of `smpp` 0.5 (CommonJS, no bundled types) that the notifications module and its
 * test sink use. Import it as a default import: the package fills most exports in loops, so
 * Node's named-export detection does not see them.
 */
declare module 'smpp' {
  import { EventEmitter } from 'node:events';
  import { Server as NetServer } from 'node:net';

  namespace smpp {
    /** A decoded PDU; its parameters (system_id, short_message, …) are own properties. */
    interface PDU {
      command: string;
      command_id: number;
      command_status: number;
      sequence_number: number;
      [parameter: string]: unknown;
      isResponse(): boolean;
      /** The matching *_resp with the same sequence number. */
      response(options?: Record<string, unknown>): PDU;
    }

    /**
     * A received submit_sm/deliver_sm `short_message`: the package decodes it itself
     * (data_coding 0/1 as GSM 03.38, 8 as UCS-2) and splits off the UDH when esm_class has 0x40.
     */
    interface DecodedShortMessage {
      message: string | Buffer;
      /** Each information element as [IEI, length, ...data]. */
      udh?: Buffer[];
    }

    type ResponseCallback = (pdu: PDU) => void;
    type Operation = (
      options: Record<string, unknown>,
      onResponse?: ResponseCallback,
      onSent?: ResponseCallback,
    ) => boolean;

    class Session extends EventEmitter {
      /** Set on sessions a Server created. */
      server?: Server;
      /** False (and no callback ever) when the socket is not writable. */
      send(pdu: PDU, onResponse?: ResponseCallback, onSent?: ResponseCallback): boolean;
      close(callback?: () => void): void;
      destroy(callback?: () => void): void;
      pause(): void;
      resume(): void;
      bind_transceiver: Operation;
      submit_sm: Operation;
      enquire_link: Operation;
      unbind: Operation;
    }

    class Server extends NetServer {
      sessions: Session[];
    }

    interface ConnectOptions {
      host: string;
      port: number;
      /** Sends enquire_link at this interval (ms) once connected. */
      auto_enquire_link_period?: number;
    }

    function connect(options: ConnectOptions, onConnect?: () => void): Session;
    function createServer(
      options: Record<string, unknown>,
      onSession: (session: Session) => void,
    ): Server;

    /** Command status names, e.g. `errors.ESME_RINVDSTADR === 0x0b`. */
    const errors: Readonly<Record<string, number>>;
  }

  export = smpp;
}
