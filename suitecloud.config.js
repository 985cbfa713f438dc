// SuiteCloud CLI hooks: nothing reaches an account unless the SuiteApp builds, passes every
// test and passes the offline SDF checks. The CLI calls beforeExecuting with
// { command, projectPath, arguments } and runs the command with what the hook returns, so the
// context goes back unchanged (authid, --applyinstallprefs, --dryrun...). A throw aborts it.
const { execSync } = require('child_process');

function buildAndTest(context) {
  execSync('npm test', { stdio: 'inherit', cwd: __dirname });
  return context;
}

module.exports = {
  defaultProjectFolder: 'src',
  commands: {
    'project:deploy': { beforeExecuting: buildAndTest },
    'project:validate': { beforeExecuting: buildAndTest },
    'project:package': { beforeExecuting: buildAndTest },
  },
};
