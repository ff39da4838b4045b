/// <reference types="vite/client" />
// Globals the renderer may find: the preload's bridge in Electron, nothing in a plain browser.
import type { StreetDeskBridge } from '../../shared/api/bridge';

declare global {
  interface Window {
    streetdesk: StreetDeskBridge | undefined;
  }
}

export {};
