import { appId } from '../../tools/project';

test('the SuiteApp id comes from the manifest', () => {
  expect(appId()).toBe('com.freshsync.connector');
});
