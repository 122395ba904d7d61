/** Messages between the app page and its .xlsx Web Worker (plain data, structured-clone safe). */
import type { ReadBook } from './read';
import type { SaveRequest } from './save';

/** Page → worker. */
export type XlsxRequest =
  | { type: 'read'; bytes: ArrayBuffer; fileName: string }
  | { type: 'save'; request: SaveRequest };

/** Worker → page. */
export type XlsxMessage =
  | { type: 'progress'; share: number; label: string }
  | { type: 'read'; book: ReadBook }
  | { type: 'saved'; bytes: ArrayBuffer }
  | { type: 'error'; message: string };
