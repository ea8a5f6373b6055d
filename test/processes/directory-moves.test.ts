import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { replicaRoot, replicatingPair, useEngines } from './helpers/engine-fleet';
import { randomWorkload } from './helpers/random-workload';
import { waitForConvergence } from './helpers/tree-compare';

const engine = useEngines();

describe('folder moves and removals on the Master reach the Replica exactly', () => {
  it('a file removed right after its folder was renamed is removed on the Replica too', async () => {
    const { root, target } = await replicatingPair(engine);
    for (let index = 0; index < 10; index++) {
      fs.mkdirSync(path.join(root, `d${index}`));
      fs.writeFileSync(path.join(root, `d${index}`, 'f.txt'), 'file in a folder about to move');
      fs.writeFileSync(path.join(root, `d${index}`, 'g.txt'), 'stays');
    }
    await waitForConvergence(root, replicaRoot(target, root));
    for (let index = 0; index < 10; index++) {
      fs.renameSync(path.join(root, `d${index}`), path.join(root, `a${index}`));
      fs.rmSync(path.join(root, `a${index}`, 'f.txt'));
    }
    await waitForConvergence(root, replicaRoot(target, root));
  });

  it('a folder created right after another was removed (its inode reused) arrives empty', async () => {
    const { root, target } = await replicatingPair(engine);
    fs.mkdirSync(path.join(root, 'x'));
    fs.writeFileSync(path.join(root, 'x', 'f.txt'), 'inside x');
    await waitForConvergence(root, replicaRoot(target, root));
    fs.rmSync(path.join(root, 'x'), { recursive: true });
    fs.mkdirSync(path.join(root, 'y'));
    await waitForConvergence(root, replicaRoot(target, root));
  });

  it('the default random workload (folder renames and removals included) converges', async () => {
    const { root, target } = await replicatingPair(engine);
    for (const seed of [11, 12, 13]) await randomWorkload(root, seed, 250);
    await waitForConvergence(root, replicaRoot(target, root));
  });
});
