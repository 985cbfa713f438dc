/**
 * One in-process fake Freshsuccess per test file: started before the file's tests, stopped after
 * them, and reset (then seeded, when `seed` is given) before each test so tests never see each
 * other's state.
 */
import { startFakeFreshsuccess, type FakeFreshsuccessOptions, type InProcessFakeFreshsuccess } from '../../../emulator/fake-freshsuccess/server';
import { apiClient, TEST_KEY } from '../http';

export interface FakeUnderTest {
  readonly url: string;
  readonly control: InProcessFakeFreshsuccess['control'];
  readonly delays: InProcessFakeFreshsuccess['delays'];
  /** Calls /api/v2/... with Basic auth and TEST_KEY. */
  readonly api: ReturnType<typeof apiClient>;
}

/** Registers the file's hooks; the getters are valid inside tests and hooks. */
export function useFakeFreshsuccess(options: FakeFreshsuccessOptions = {}, seed?: { accounts?: unknown[]; contacts?: unknown[] }): FakeUnderTest {
  let fs: InProcessFakeFreshsuccess | undefined;
  let api: ReturnType<typeof apiClient> | undefined;
  const running = () => {
    if (!fs) throw new Error('the fake Freshsuccess is not running (use it inside tests or hooks)');
    return fs;
  };
  beforeAll(async () => {
    fs = await startFakeFreshsuccess({ apiKeys: [TEST_KEY], ...options });
    api = apiClient(fs.url);
  });
  afterAll(() => fs?.stop());
  beforeEach(async () => {
    await running().delays.release(); // a held answer a failed test left behind
    await running().control.reset();
    if (seed) await running().control.seed(seed);
  });
  return {
    get url() {
      return running().url;
    },
    get control() {
      return running().control;
    },
    get delays() {
      return running().delays;
    },
    get api() {
      running();
      return api as ReturnType<typeof apiClient>;
    },
  };
}
