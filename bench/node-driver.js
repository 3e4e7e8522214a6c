#!/usr/bin/env node
// The anchor for bench/vs-node.sh: atlassian-connect-validator@0.0.9 (what atlassian-connect-express calls) over
// the same files connect-verify gets, in one node process.
//   node node-driver.js SCHEMA FILE...              validate each file once; print one line per file
//   node node-driver.js --warm WARMUP SECONDS SCHEMA FILE...  warm loop: rounds over the files for WARMUP seconds,
//                                                              then for SECONDS; prints descriptors/s of the second
//   node node-driver.js --generate N OUT              write a Jira descriptor with N modules (for the size runs)
// NODE_PATH (or a node_modules next to this file's build folder) must hold the validator; vs-node.sh installs it.
'use strict';
const fs = require('fs');

function generate(n, out) {
  const kinds = ['webItems', 'webPanels', 'generalPages', 'adminPages', 'jiraIssueTabPanels', 'webhooks'];
  const modules = {};
  for (const k of kinds) modules[k] = [];
  for (let i = 0; i < n; i++) {
    const kind = kinds[i % kinds.length];
    const key = kind.toLowerCase() + '-' + i;
    let m;
    switch (kind) {
      case 'webItems':
        m = {key, name: {value: 'Item ' + i}, url: '/item?i=' + i, location: 'system.top.navigation.bar',
          context: 'addon', weight: i % 300};
        break;
      case 'webPanels':
        m = {key, name: {value: 'Panel ' + i}, url: '/panel?issue={issue.key}&i=' + i,
          location: 'atl.jira.view.issue.right.context', conditions: [{condition: 'user_is_logged_in'}]};
        break;
      case 'generalPages':
        m = {key, name: {value: 'Page ' + i}, url: '/page/' + i, location: 'system.top.navigation.bar'};
        break;
      case 'adminPages':
        m = {key, name: {value: 'Admin ' + i}, url: '/admin/' + i};
        break;
      case 'jiraIssueTabPanels':
        m = {key, name: {value: 'Tab ' + i}, url: '/tab?issue={issue.key}&i=' + i, weight: 100};
        break;
      default:
        m = {event: 'jira:issue_updated', url: '/hook/' + i};
    }
    modules[kind].push(m);
  }
  const d = {
    key: 'generated-' + n, name: 'Generated ' + n + ' modules', description: 'A generated descriptor for the size runs',
    vendor: {name: 'Example', url: 'https://example.com'}, baseUrl: 'https://generated.example.com',
    authentication: {type: 'jwt'}, apiVersion: 1, scopes: ['read', 'write'],
    lifecycle: {installed: '/installed', uninstalled: '/uninstalled'}, apiMigrations: {gdpr: true}, modules
  };
  fs.writeFileSync(out, JSON.stringify(d, null, 2) + '\n');
}

function validatorModule() {
  try {
    return require('atlassian-connect-validator');
  } catch (e) {
    return require(require('path').join(__dirname, 'target', 'node', 'node_modules', 'atlassian-connect-validator'));
  }
}

// One file as atlassian-connect-express does it: read, parse, validate against the product's schema.
function verifyOne(validator, schema, file) {
  let descriptor;
  try {
    descriptor = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return -1;
  }
  let count = 0;
  validator.validateDescriptor(descriptor, schema, (errors, warnings) => {
    count = (errors ? errors.length : 0) + (warnings ? warnings.length : 0);
  });
  return count;
}

function main(argv) {
  if (argv[0] === '--generate') {
    generate(parseInt(argv[1], 10), argv[2]);
    return 0;
  }
  let warm = 0;
  let warmup = 0;
  if (argv[0] === '--warm') {
    warmup = parseFloat(argv[1]);
    warm = parseFloat(argv[2]);
    argv = argv.slice(3);
  }
  const validator = validatorModule();
  const schema = JSON.parse(fs.readFileSync(argv[0], 'utf8'));
  const files = argv.slice(1);
  if (warm > 0) {
    // the same shape as bench/WarmLoop.java: rounds for warmup seconds, then count for warm seconds
    const round = () => { for (const f of files) verifyOne(validator, schema, f); };
    let end = Date.now() + warmup * 1000;
    while (Date.now() < end) round();
    let done = 0;
    const start = process.hrtime.bigint();
    end = Date.now() + warm * 1000;
    while (Date.now() < end) { round(); done += files.length; }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    console.log('node warm: ' + (done / seconds).toFixed(1) + ' descriptors/s');
    return 0;
  }
  let findings = 0;
  for (const f of files) {
    const n = verifyOne(validator, schema, f);
    console.log((n < 0 ? 'unparseable' : n + ' findings') + '  ' + f);
    findings += Math.max(0, n);
  }
  return findings > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
