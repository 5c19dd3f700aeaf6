// "Show the code": for every widget with a program, in at least two states, the NumPy/SciPy
// program the widget generates runs in Python (the .venv `make test` sets up) and prints the
// same numbers as the widget's state — to 1e-9 relative, or the program's own stated
// tolerance for iterative methods (1e-6). The browser shows the same program under Code.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { assertNoProblems, launchBrowser, openPage, REPO_ROOT, SITE_ROOT, WIDGETS } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';

const CLI = path.join(REPO_ROOT, 'target/debug/mathsight');
const PYTHON = path.join(REPO_ROOT, '.venv/bin/python');

/** States to check per widget: the defaults, some steps taken, and widget-specific ones. */
const STATES = {
  'gradient-descent': [[], ['--steps', '12'], ['--learning-rate', '0.19', '--start-m', '3', '--steps', '40'], ['--learning-rate', '0.3', '--steps', '60']],
  // Calculus and linear-algebra widgets.
  optimizers: [
    [],
    ['--steps', '300'],
    ['--surface', 'rosenbrock', '--steps', '2000'],
    ['--surface', 'himmelblau', '--steps', '400', '--momentum-beta', '0.5', '--adam-beta2', '0.99'],
    ['--surface', 'regression', '--steps', '500', '--gd-learning-rate', '0.05', '--adagrad', 'false'],
    ['--surface', 'saddle', '--steps', '800', '--gd-learning-rate', '1.2', '--rmsprop', 'false'],
    ['--surface', 'plateau', '--steps', '10000', '--epsilon', '0.001'],
    ['--surface', 'bowl', '--start-x', '0', '--start-y', '0', '--steps', '3'],
  ],
  'logistic-regression': [
    [],
    ['--steps', '50'],
    ['--separation', '6', '--steps', '300'],
    ['--separation', '1', '--learning-rate', '12', '--steps', '100'],
    ['--points', '0,0,0;1,0.5,0;2,1,1;0.5,2,1;1.5,1.5,0;3,2.5,1', '--learning-rate', '2', '--steps', '20000'],
    ['--n', '200', '--separation', '1', '--seed', '11', '--steps', '2000', '--learning-rate', '1.5'],
  ],
  'linear-system': [
    [],
    ['--step', '2'],
    ['--a', '2,1,-1;-3,-1,2;-2,1,2', '--b', '8,-11,-3', '--step', '4'],
    ['--a', '0.5,0.25,1;1.5,-2,0.1;3,1,1', '--b', '1,2,3'],
    ['--a', '0,1,2;1,0,1;2,1/3,0', '--b', '1,2,3/4'],
    ['--a', '1,2;2,4', '--b', '3,7'],
    ['--a', '1,1,1;1,2,3;2,3,4', '--b', '6,14,20'],
    ['--a', '1,1,1;1,1,1;1,1,1', '--b', '1,2,3'],
    ['--a', '1,1;1,1.000000001', '--b', '2,2.000000001'],
    ['--a', '0,0;0,0', '--b', '0,0'],
  ],
  'least-squares': [
    [],
    ['--model', 'quadratic', '--n', '20', '--seed', '9'],
    ['--model', 'cubic', '--points', '0,1;1,2.5;2,2.9;3,4.8;4,5.1'],
    ['--model', 'cubic', '--points', '-1,2;0,0;1,1;2,5'],
    ['--points', '1,3;2,3;3,3;4,3'],
    ['--n', '2'],
    ['--model', 'cubic', '--points', '100,1;101,2.5;102,2.9;103,4.8;104,5.1;105,4'],
  ],
  'matrix-transform': [
    [],
    ['--a', '1,2;3,4'],
    ['--a', '1,2;2,4'],
    ['--a', '0,-1;1,0'],
    ['--a', '1,1;0,1'],
    ['--a', '-0.5,1.5;2,0.3', '--shape', 'circle'],
    ['--a', '0,0;0,0'],
  ],
  // Probability and statistics widgets.
  'bayes-rule': [[], ['--story', 'medical-test', '--observations', '3'], ['--prior', '0.0125', '--observations', '7'], ['--likelihood', '0', '--false-positive', '0']],
  'bayes-update': [[], ['--successes', '7', '--failures', '3'], ['--prior-alpha', '0.5', '--prior-beta', '0.5', '--failures', '40'], ['--model', 'normal-normal'], ['--model', 'normal-normal', '--prior-mean', '-1', '--prior-sd', '0.5', '--sigma', '2', '--data', '1.2345, 0.7071, 2.5, -1.9, 3.1416']],
  'distribution': [[], ['--family', 'binomial', '--n', '20', '--p', '0.35', '--a', '2.5', '--b', '9'], ['--family', 'poisson', '--lambda', '30', '--a', '40', '--b', '60'], ['--family', 'geometric', '--p', '0.2', '--a', '1', '--b', '4'], ['--family', 'bernoulli', '--p', '0.7', '--a', '1', '--b', '1'], ['--family', 'student-t', '--df', '1.5', '--a', '2', '--b', '30'], ['--family', 'student-t', '--df', '0.8', '--samples', '1'], ['--family', 'chi-squared', '--df', '3', '--a', '0.5', '--b', '12', '--seed', '9'], ['--family', 'exponential', '--lambda', '0.5', '--a', '3', '--b', '1'], ['--family', 'uniform', '--low', '-2', '--high', '3', '--a', '0', '--b', '5'], ['--family', 'beta', '--alpha', '0.5', '--beta', '0.5', '--a', '0.9', '--b', '1', '--samples', '0'], ['--mu', '3', '--sigma', '0.5', '--samples', '20000']],
  'naive-bayes': [[], ['--full-covariance', 'true', '--n', '100', '--seed', '11'], ['--full-covariance', 'true', '--points-a', '0,0;1,1;2,2', '--points-b', '3,1;3,1.5;4,1'], ['--points-a', '-1,0.5;0,1;0.5,-0.5', '--points-b', '3,1;3,1']],
  'descriptive-stats': [[], ['--shape', 'outliers', '--n', '200', '--seed', '3'], ['--shape', 'bimodal', '--bin-width', '2.5'], ['--data', '1, 1, 2, 2, 3', '--bin-width', '0.001'], ['--data', '5']],
  'hypothesis-test': [
    [],
    ['--test', 'z', '--alternative', 'greater', '--data', '5.1, 6.3, 4.8, 7.2, 5.9, 6.6', '--sd', '1.5', '--alpha', '0.01'],
    ['--alternative', 'less', '--data', '4.2, 3.9, 5.1, 4.4, 4.8, 3.7, 4.9', '--prior', 'normal', '--prior-mean', '4', '--prior-sd', '0.5', '--effect', '-0.8'],
    ['--test', 'welch', '--mean', '6.1', '--sd', '1.2', '--n', '12', '--mean-b', '5', '--sd-b', '2.5', '--n-b', '30'],
    ['--test', 'welch', '--alternative', 'greater', '--data', '5.1, 6.3, 4.8, 7.2, 5.9', '--data-b', '4.1, 5.0, 3.8, 4.9, 4.4, 5.2'],
    ['--test', 'welch', '--alternative', 'less', '--data', '3.1, 2.2, 4.0', '--prior', 'normal'],
    ['--mean', '50', '--sd', '1', '--n', '100', '--alpha', '0.0001'],
  ],
  'regression-stats': [[], ['--n', '200', '--slope', '-2', '--intercept', '40', '--noise', '8', '--seed', '17'], ['--points', '1,3;2,5;3,7;4,9'], ['--csv', 'hours,score\n1,52\n2,oops\n3,61\n4,70\n5,71\n'], ['--csv', '0.5;1.25\n1.5;2.0\n2.5;2.25\n3.5;4.5\n4.5;4.0']],
};

before(() => execFileSync('cargo', ['build', '--quiet', '--bin', 'mathsight'], { cwd: REPO_ROOT }));

function close(a, b, tol, where) {
  if (Array.isArray(b)) {
    assert.ok(Array.isArray(a) && a.length === b.length, `${where}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    b.forEach((v, i) => close(a[i], v, tol, `${where}[${i}]`));
    return;
  }
  if (b !== null && typeof b === 'object') {
    // A nested object (one optimizer of a race): the keys the program prints must match.
    assert.ok(a !== null && typeof a === 'object' && !Array.isArray(a), `${where}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    for (const [key, value] of Object.entries(a)) {
      assert.ok(key in b, `${where}: the program prints "${key}", which the state does not have`);
      close(value, b[key], tol, `${where}.${key}`);
    }
    return;
  }
  if (typeof b !== 'number') {
    assert.deepEqual(a, b, where);
    return;
  }
  const scale = Math.max(1, Math.abs(b));
  assert.ok(Math.abs(a - b) <= tol * scale, `${where}: program ${a}, widget ${b}`);
}

const withCode = WIDGETS.filter((name) => {
  try {
    return execFileSync(CLI, ['code', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).length > 0;
  } catch {
    return false;
  }
});

test('every widget with a program is listed for checking', () => {
  assert.ok(withCode.includes('gradient-descent'));
  for (const name of withCode) assert.ok((STATES[name] ?? []).length >= 2, `${name} needs at least two states in STATES`);
  for (const name of Object.keys(STATES)) assert.ok(withCode.includes(name), `${name} has states to check but no program`);
});

for (const name of withCode) {
  for (const args of STATES[name] ?? [[], ['--steps', '5']]) {
    test(`${name} ${args.join(' ') || '(defaults)'}: the program prints the widget's numbers`, () => {
      const state = JSON.parse(execFileSync(CLI, ['state', name, ...args], { encoding: 'utf8' }));
      const code = execFileSync(CLI, ['code', name, ...args], { encoding: 'utf8' });
      const out = execFileSync(PYTHON, ['-c', code], { encoding: 'utf8' }).trim().split('\n');
      const printed = JSON.parse(out.at(-1));
      const tol = printed._tolerance ?? 1e-9;
      delete printed._tolerance;
      assert.ok(Object.keys(printed).length >= 3, 'the program prints at least three numbers');
      for (const [key, value] of Object.entries(printed)) {
        assert.ok(key in state, `the program prints "${key}", which the state does not have`);
        close(value, state[key], tol, `${name}.${key}`);
      }
    });
  }
}

let server;
let browser;
before(async () => {
  server = await startServer({ port: 0, root: SITE_ROOT });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the Code panel shows el.code, which follows the state', async () => {
  const page = await openPage(browser, `${server.url}embed.html#widget=gradient-descent&steps=3`);
  await page.waitForSelector('mathsight-gradient-descent[data-ready]');
  const w = page.locator('mathsight-gradient-descent');
  await w.locator('button[data-action="code"]').click();
  const shown = await w.locator('.ms-code pre code').textContent();
  assert.match(shown, /^# Gradient descent fitting/);
  assert.match(shown, /steps = 3 /);
  await page.evaluate(() => document.querySelector('mathsight-gradient-descent').step(2));
  assert.match(await w.locator('.ms-code pre code').textContent(), /steps = 5 /);
  const code = await page.evaluate(() => document.querySelector('mathsight-gradient-descent').code);
  assert.equal(code, execFileSync(CLI, ['code', 'gradient-descent', '--steps', '5'], { encoding: 'utf8' }));
  assertNoProblems(page);
});
