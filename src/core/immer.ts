import { enablePatches, Immer } from 'immer';

// A private instance: a host calling immer's global setAutoFreeze cannot change shijian's behaviour
// or performance (style.md L9).
const engine = /* @__PURE__ */ new Immer({ autoFreeze: true });

/** immer's `produce`, bound to shijian's own instance. @internal */
export const produce: Immer['produce'] = engine.produce;

let patchesReady = false;

/**
 * immer's `produceWithPatches` on shijian's instance. immer registers its patches plugin
 * process-wide, so it is registered here on first use only, never at import time; registering it
 * adds a capability and changes nothing for code that does not ask for patches.
 * @internal
 */
export const produceWithPatches: Immer['produceWithPatches'] = ((...args: Parameters<Immer['produceWithPatches']>) => {
  if (!patchesReady) {
    enablePatches();
    patchesReady = true;
  }
  return engine.produceWithPatches(...args);
}) as Immer['produceWithPatches'];
