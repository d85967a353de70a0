"One rank of a 2-process run under torchrun: train briefly, then save this rank's parameters"
import os, sys, torch
from layeradv.config import TrainConfig
from layeradv.train import train, build_model

data, out, method, compile = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
cfg = TrainConfig(arch='small_cnn', method=method, data=data, dataset='imagefolder', epochs=2,
                  batch_size=8, lr=0.05, device='cpu', eps=0.1, seed=0, compile=compile)
model, hist = train(cfg, out, quiet=True)
# same seed: the start point
if os.environ['RANK'] == '0': torch.save(build_model(cfg, 3).state_dict(), f'{out}/init.pt')
torch.save({k: v.detach().cpu() for k, v in model.state_dict().items()},
           f"{out}/rank{os.environ['RANK']}.pt")
