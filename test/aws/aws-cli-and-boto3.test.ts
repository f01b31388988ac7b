import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } from '../../provider/api/default-keys';
import { HttpClient } from '../../provider/client/http-client';
import { findPackageRoot } from '../../provider/engine/engine-location';
import { ServeProcess } from '../support/serve-process';

const root = findPackageRoot();
/** Where setup found the AWS CLI and a Python with boto3 (scripts/aws-tools.mjs). */
const tools = JSON.parse(
  readFileSync(join(root, 'node_modules', '.numberplane-aws-tools.json'), 'utf8'),
) as { aws: string; python: string };

/** The README's "Use it from AWS tools" block in `language`, as written. */
function readmeBlock(language: 'sh' | 'python'): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.split('## Use it from AWS tools')[1]?.split('\n## ')[0] ?? '';
  const block = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(section)?.[1];
  if (block === undefined)
    throw new Error(`README.md has no ${language} block under "Use it from AWS tools"`);
  return block;
}

/** Runs `command` as a user's shell would, with no AWS settings of this machine's own. */
function run(
  command: string,
  args: string[],
  home: string,
  extraEnv: Record<string, string> = {},
): { stdout: string; stderr: string; status: number | null } {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('AWS_') && !name.startsWith('NUMBERPLANE_'),
    ),
  );
  const result = spawnSync(command, args, {
    env: { ...env, ...extraEnv, HOME: home, PATH: `${dirname(tools.aws)}:${env.PATH ?? ''}` },
    encoding: 'utf8',
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

describe('the README’s AWS CLI and boto3 examples, against numberplane serve', () => {
  let dir: string;
  let served: ServeProcess;
  let v1: HttpClient;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'numberplane-aws-tools-'));
    served = new ServeProcess(root, join(dir, 'simulator.db'), 0);
    await served.start();
    v1 = new HttpClient({
      endpoint: served.endpoint,
      apiKey: DEFAULT_API_KEY,
      adminKey: DEFAULT_ADMIN_KEY,
    });
  });
  afterAll(async () => {
    await served.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  const asWritten = (block: string): string =>
    block.replaceAll('http://127.0.0.1:4580', served.endpoint);

  it('the AWS CLI requests a number and lists it, as the README writes it', () => {
    const result = run('bash', ['-euo', 'pipefail', '-c', asWritten(readmeBlock('sh'))], dir);
    expect([result.status, result.stderr]).toEqual([0, '']);
    const [made, listed] = result.stdout
      .split(/\n(?=\{)/)
      .map((text) => JSON.parse(text) as Record<string, unknown>);
    expect(made).toMatchObject({
      Status: 'ACTIVE',
      NumberType: 'SIMULATOR',
      NumberCapabilities: ['SMS'],
    });
    expect(
      (listed?.PhoneNumbers as { PhoneNumberId: string }[]).map((n) => n.PhoneNumberId),
    ).toContain(made?.PhoneNumberId);
  });

  it('boto3 is refused releasing a protected number, as the README writes it, and the number is kept', async () => {
    const before = (await v1.call('ListPhoneNumbers')).items.map((n) => n.phoneNumberId);
    const result = run(tools.python, ['-c', asWritten(readmeBlock('python'))], dir);
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toBe('DELETION_PROTECTION_ENABLED\n');
    const made = (await v1.call('ListPhoneNumbers')).items.filter(
      (n) => !before.includes(n.phoneNumberId),
    );
    expect(made.map((n) => [n.status, n.deletionProtectionEnabled])).toEqual([['ACTIVE', true]]);
  });

  it('the request log names the dialect and the AWS operation of each call', () => {
    const lines = readFileSync(served.log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({
        dialect: 'pinpoint-sms-voice-v2',
        awsOperation: 'ReleasePhoneNumber',
        operation: 'ReleasePhoneNumber',
        account: 'default',
        status: 400,
        code: 'ConflictException',
      }),
    );
  });

  it('boto3 and the AWS CLI drive Chime SDK Voice and Connect: search, order, claim, their errors', async () => {
    const script = `
import json, sys, boto3
args = dict(endpoint_url=sys.argv[1], region_name="us-east-1",
            aws_access_key_id="np_local_default_key", aws_secret_access_key="any-secret")
chime = boto3.client("chime-sdk-voice", **args)
connect = boto3.client("connect", **args)
out = {}
offered = chime.search_available_phone_numbers(AreaCode="312", MaxResults=1)["E164PhoneNumbers"]
order = chime.create_phone_number_order(ProductType="VoiceConnector", E164PhoneNumbers=offered)["PhoneNumberOrder"]
out["order"] = [order["Status"], [n["Status"] for n in order["OrderedPhoneNumbers"]]]
out["number"] = chime.get_phone_number(PhoneNumberId=offered[0])["PhoneNumber"]["Status"]
try:
    chime.get_voice_connector(VoiceConnectorId="missing")
except chime.exceptions.NotFoundException as error:
    out["chimeError"] = [error.response["Error"]["Code"], error.response["ResponseMetadata"]["HTTPStatusCode"]]
target = "arn:aws:connect:us-east-1:111122223333:instance/0a1b2c3d"
did = connect.search_available_phone_numbers(TargetArn=target, PhoneNumberCountryCode="US",
                                             PhoneNumberType="DID", PhoneNumberPrefix="+1718")["AvailableNumbersList"][0]
claimed = connect.claim_phone_number(TargetArn=target, PhoneNumber=did["PhoneNumber"])
out["claim"] = connect.describe_phone_number(PhoneNumberId=claimed["PhoneNumberId"])["ClaimedPhoneNumberSummary"]["PhoneNumberStatus"]["Status"]
try:
    connect.claim_phone_number(TargetArn=target, PhoneNumber=did["PhoneNumber"])
except connect.exceptions.ResourceInUseException as error:
    out["connectError"] = error.response["ResponseMetadata"]["HTTPStatusCode"]
print(json.dumps(out))
`;
    const result = run(tools.python, ['-c', script, served.endpoint], dir);
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(JSON.parse(result.stdout)).toEqual({
      order: ['Processing', ['Processing']],
      number: 'AcquireInProgress',
      chimeError: ['NotFoundException', 404],
      claim: 'IN_PROGRESS',
      connectError: 409,
    });
    const cli = (args: string[]) =>
      run(
        tools.aws,
        [...args, '--endpoint-url', served.endpoint, '--region', 'us-east-1', '--output', 'json'],
        dir,
        {
          AWS_ACCESS_KEY_ID: DEFAULT_API_KEY,
          AWS_SECRET_ACCESS_KEY: 'any-secret',
        },
      );
    const listed = cli(['chime-sdk-voice', 'list-phone-number-orders']);
    expect([listed.status, listed.stderr]).toEqual([0, '']);
    expect(
      (JSON.parse(listed.stdout) as { PhoneNumberOrders: unknown[] }).PhoneNumberOrders,
    ).toHaveLength(1);
    const numbers = cli(['connect', 'list-phone-numbers-v2']);
    expect([numbers.status, numbers.stderr]).toEqual([0, '']);
    expect(
      (
        JSON.parse(numbers.stdout) as { ListPhoneNumbersSummaryList: { PhoneNumberType: string }[] }
      ).ListPhoneNumbersSummaryList.map((n) => n.PhoneNumberType),
    ).toEqual(['DID']);
  });
});
