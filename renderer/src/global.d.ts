import type { UnderstudyApi } from '../../electron/api/contract';

declare global {
  interface Window {
    /** Present in the desktop app (preload); absent in the console host's browser page. */
    understudy?: UnderstudyApi;
  }
}
