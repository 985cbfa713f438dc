/**
 * `npm run fake-freshsuccess`: runs the fake on its own.
 *   FAKE_FS_PORT     port on 127.0.0.1 (default 8787; 0 = ephemeral)
 *   FAKE_FS_API_KEY  the tenant's key(s), comma-separated (default: a clearly fake dev key)
 *   FAKE_FS_REGION   us | eu (default us)
 *   FAKE_FS_CONFIG   JSON of further options (see types.ts FakeConfig), e.g. {"profile":"pessimistic"}
 * Also the entry of startFakeFreshsuccessProcess, which reads the READY line it prints first.
 */
import { applyHeapPolicy } from '../heapPolicy';
import { configFromEnvironment, DEV_API_KEY } from './config';
import { REGION_HOSTS } from './auth';
import { READY_PREFIX } from './process';
import { startFakeFreshsuccess } from './server';
import type { ConfigPatch, Region } from './types';

async function main(): Promise<void> {
  const env = process.env;
  const options: ConfigPatch = configFromEnvironment(env);
  const keyFromEnv = env.FAKE_FS_API_KEY !== undefined && env.FAKE_FS_API_KEY !== '';
  if (keyFromEnv) options.apiKeys = (env.FAKE_FS_API_KEY as string).split(',').map((k) => k.trim());
  if (env.FAKE_FS_REGION) options.region = env.FAKE_FS_REGION as Region;
  const port = Number(env.FAKE_FS_PORT ?? '8787');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`FAKE_FS_PORT is not a port: ${env.FAKE_FS_PORT}`);

  const running = await startFakeFreshsuccess({ ...options, port });
  process.stdout.write(`${READY_PREFIX}${JSON.stringify({ url: running.url, port: running.port })}\n`);

  const shutdown = () => {
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  if (env.FAKE_FS_CHILD === '1') {
    // Started by startFakeFreshsuccessProcess: exit with the parent (its end of stdin closes).
    process.stdin.on('end', shutdown);
    process.stdin.on('close', shutdown);
    process.stdin.resume();
    return;
  }

  const config = running.fake.config;
  const keyNote = keyFromEnv ? '(from FAKE_FS_API_KEY, not shown)' : `${DEV_API_KEY} (dev default; set FAKE_FS_API_KEY to change)`;
  const u = running.url;
  process.stdout.write(
    [
      `Fake Freshsuccess listening on ${u}`,
      `  tenant region: ${config.region} — requests with Host ${REGION_HOSTS[config.region]} (or a loopback host) are accepted;`,
      `  Host ${REGION_HOSTS[config.region === 'us' ? 'eu' : 'us']} answers ${config.wrongRegionStatus}`,
      `  profile: ${config.profile} (open points: see emulator/fake-freshsuccess/README.md)`,
      `  API key: ${keyNote}`,
      `  API:     ${u}/api/v2/accounts, ${u}/api/v2/account_contacts`,
      `  Control: GET ${u}/__fake/state | accounts | contacts | requests | config | faults`,
      `           POST ${u}/__fake/reset | configure | faults | seed; DELETE ${u}/__fake/faults`,
      'Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
}

applyHeapPolicy();
main().catch((e: unknown) => {
  process.stderr.write(`fake Freshsuccess failed to start: ${(e as Error).message}\n`);
  process.exit(1);
});
