// SuiteCloud CLI hooks: nothing reaches an account unless the SuiteApp builds, passes every
// test and passes the offline SDF checks. A throw here aborts the CLI command.
const { execSync } = require('child_process');

function buildAndTest(args) {
  execSync('npm test', { stdio: 'inherit', cwd: __dirname });
  return { arguments: args };
}

module.exports = {
  defaultProjectFolder: 'src',
  commands: {
    'project:deploy': { beforeExecuting: buildAndTest },
    'project:validate': { beforeExecuting: buildAndTest },
    'project:package': { beforeExecuting: buildAndTest },
  },
};
