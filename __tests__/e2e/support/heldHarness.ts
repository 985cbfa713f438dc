/**
 * A sync harness whose Freshsuccess hosts go through a holding proxy (holdingProxy.ts), with a
 * short N/https timeout, so a held request times out on the client every time.
 */
import { startHoldingProxy, type HoldingProxy } from './holdingProxy';
import { startSyncHarness, type SyncHarness } from './syncHarness';

export interface HeldHarness {
  h: SyncHarness;
  proxy: HoldingProxy;
  stop(): Promise<void>;
}

export async function startHeldHarness(clientTimeoutMs: number): Promise<HeldHarness> {
  let proxy: HoldingProxy | undefined;
  const h = await startSyncHarness({
    account: {
      https: { totalTimeoutMs: clientTimeoutMs },
      freshsuccessVia: async (fakeUrl) => {
        proxy = await startHoldingProxy(fakeUrl);
        return proxy.url;
      },
    },
  });
  if (!proxy) throw new Error('the holding proxy did not start');
  const started = proxy;
  return {
    h,
    proxy: started,
    stop: async () => {
      await h.stop();
      await started.stop();
    },
  };
}
