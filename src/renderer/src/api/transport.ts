// How calls reach the application: the preload bridge inside Electron, the browser host over HTTP elsewhere.
// There is deliberately no third way: without either, calls fail loudly instead of showing made-up data.
import type { StreetDeskBridge } from '../../../shared/api/bridge';
import { HTTP_CALL_PATH, HTTP_EVENTS_PATH } from '../../../shared/api/bridge';
import type { ApiEvent } from '../../../shared/api/contract';
import { decodeWire, encodeWire } from '../../../shared/api/wire';
import type { Result } from '../../../shared/result';

/** Thrown when the host cannot be reached at all (the HTTP request itself failed). */
export class TransportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransportError';
  }
}

export interface Transport extends StreetDeskBridge {
  /** Re-opens the event stream so it belongs to the session that now exists (after login or unlock). */
  reconnectEvents(): void;
}

function bridgeTransport(bridge: StreetDeskBridge): Transport {
  return {
    invoke: (method, input) => bridge.invoke(method, input),
    onEvent: (listener) => bridge.onEvent(listener),
    // IPC events are addressed to the window, not to a session: nothing to re-open.
    reconnectEvents: () => undefined,
  };
}

function httpTransport(): Transport {
  const listeners = new Set<(event: ApiEvent) => void>();
  let source: EventSource | null = null;

  const open = (): void => {
    source?.close();
    source = new EventSource(HTTP_EVENTS_PATH, { withCredentials: true });
    source.onmessage = (message: MessageEvent<string>) => {
      let event: ApiEvent;
      try {
        event = JSON.parse(message.data) as ApiEvent;
      } catch {
        return;
      }
      for (const listener of listeners) listener(event);
    };
  };

  return {
    async invoke(method, input) {
      let response: Response;
      try {
        response = await fetch(HTTP_CALL_PATH, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: encodeWire({ method, input }),
        });
      } catch (cause) {
        throw new TransportError(cause instanceof Error ? cause.message : String(cause));
      }
      const text = await response.text();
      try {
        return decodeWire(text) as Result<unknown>;
      } catch {
        throw new TransportError(`HTTP ${response.status}`);
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!source) open();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          source?.close();
          source = null;
        }
      };
    },
    reconnectEvents() {
      if (listeners.size > 0) open();
    },
  };
}

let current: Transport | null = null;

export function transport(): Transport {
  if (!current) current = window.streetdesk ? bridgeTransport(window.streetdesk) : httpTransport();
  return current;
}
