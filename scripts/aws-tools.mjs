// The AWS command-line tools the conformance tests drive the simulator with: the AWS CLI and
// a Python with boto3. Found on PATH (the pyenv Python of these machines has both); else
// Debian's packages are installed (awscli, python3-boto3). Where they are is written to
// node_modules/.numberplane-aws-tools.json for the tests. Plain Node.js: runs before npm.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fail, findOnPath, log } from './toolchain.mjs';

const runs = (command, args) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

/** A Python that imports boto3: `python3` on PATH, then Debian's. */
function pythonWithBoto3() {
  for (const python of [findOnPath('python3'), '/usr/bin/python3']) {
    if (python && runs(python, ['-c', 'import boto3'])) return python;
  }
  return undefined;
}

function awsCli() {
  for (const aws of [findOnPath('aws'), '/usr/bin/aws']) {
    if (aws && runs(aws, ['--version'])) return aws;
  }
  return undefined;
}

export function ensureAwsTools(pointerFile) {
  let python = pythonWithBoto3();
  let aws = awsCli();
  if (!python || !aws) {
    log('installing the AWS CLI and boto3 from Debian (apt-get install awscli python3-boto3)');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
    const apt = (args) =>
      spawnSync(
        sudo[0] ?? 'apt-get',
        [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), ...args],
        {
          env,
          stdio: ['ignore', 'inherit', 'inherit'],
        },
      ).status === 0;
    if (!apt(['install', '-y', '--no-install-recommends', 'awscli', 'python3-boto3'])) {
      apt(['update']);
      apt(['install', '-y', '--no-install-recommends', 'awscli', 'python3-boto3']);
    }
    python = pythonWithBoto3();
    aws = awsCli();
    if (!python || !aws) {
      fail(
        'the AWS CLI and a Python with boto3 are needed by the AWS-dialect tests; install them (pip install awscli boto3, or apt-get install awscli python3-boto3) and run setup again',
      );
    }
  }
  writeFileSync(pointerFile, `${JSON.stringify({ aws, python }, null, 2)}\n`);
  log(`AWS CLI at ${aws}; boto3 with ${python}`);
}
