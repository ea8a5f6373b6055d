import type { EngineParts, EngineService } from './engine-runtime';

/** Every capability an engine offers; the same list in the desktop app, the console host and the daemon. */
export function createEngineServices(_parts: EngineParts): EngineService[] {
  return [];
}
