import json, sys, time, os
from layeradv.train import TrainConfig, train
data = os.environ['LAYERADV_CIFAR10']
runs = [('ours', 'act_std', 0.03), ('ours', 'act_std', 0.01), ('fgs', 'act_std', 0.01), ('ours', 'unit', 0.03)]
for m, sc, e in runs:
    name = f"{m}-{sc}-{e}"
    if os.path.exists(f'/work/sweep/{name}.json'): continue
    cfg = TrainConfig(arch='toy_mlp', grayscale=True, flip=False, method=m, scale=sc, eps=e, data=data, epochs=15, lr=0.01,
                      lr_step=6, batch_size=128, channels_last=False)
    t = time.time(); _, h = train(cfg, f'/work/sweep/runs/{name}', overwrite=True, quiet=True)
    r = dict(name=name, secs=time.time() - t, final=h[-1], best=min(x['test_err'] for x in h), train_err=h[-1]['train_err'])
    json.dump(r, open(f'/work/sweep/{name}.json', 'w')); print(name, round(100 - 100 * h[-1]['test_err'], 2), round(100 - 100 * h[-1]['train_err'], 2), round(r['secs']), flush=True)
