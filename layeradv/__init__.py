"""Regularizing deep networks with efficient layerwise adversarial training (Sankaranarayanan et al., AAAI 2018)

Modules:

- `layeradv.analysis`: The encoder Jacobian's singular values (Fig. 1) and t-SNE of perturbed features (Fig. 2)
- `layeradv.attacks`: FGSM and PGD in pixel space, and the layerwise attack with the previous sample's gradients
- `layeradv.bench`: What Gc costs: training-step times of every method, eager and compiled, side by side
- `layeradv.core`: Gc: after every BatchNorm, add ε times the sign of the gradient it saw on the previous batch
- `layeradv.data`: CIFAR-10/100 and ImageFolder trees, decoded once and cached; a device-resident CIFAR loader
- `layeradv.evidence`: Claims tested as studies: ε chosen on validation, paired seeds, 95 % intervals, verdicts
- `layeradv.experiments`: What every experiment chapter shares: settings, a grid of runs, paper-vs-measured tables
- `layeradv.measures`: One stream of attacked test images and what is read from it: Tables 4-5, Figs. 1-2
- `layeradv.models`: The paper's networks in plain PyTorch: VGG-BN, ResNet-20/56, WRN-28-10, AlexNet, MLP, 3-conv
- `layeradv.paths`: One home for every location the package reads or writes, and the one way it writes a file
- `layeradv.provenance`: What produced a result: a fingerprint of the training code's behaviour, torch, machine
- `layeradv.repro.fig2`: Previous-sample against random layerwise perturbations, seen in the classifier's features
- `layeradv.repro.full`: Table 1 and the direction claim on 45,000 images, converged, early-stopped, registered first
- `layeradv.repro.paper`: Tables 1, 2, 3, 5, 6 and the ImageNet experiment as the paper ran them (beyond CI: a GPU)
- `layeradv.repro.r20`: The paper's deep-network claims on 5,000 CIFAR images, on the CPU in fp32 and a GPU in bf16
- `layeradv.repro.robust`: The full-scale networks under FGSM and PGD, registered before measuring; a replication; Gc's ε
- `layeradv.repro.table4`: Are the previous sample's gradient signs adversarial? Input FGSM and layerwise, one unit
- `layeradv.repro.toy`: A 1024-512 tanh MLP on grayscale CIFAR-10: Ours against FGS, random controls and dropout
- `layeradv.results`: A background worker that trains every study's runs, and the README's table of claims
- `layeradv.stats`: Paired intervals over seeds, verdicts against the paper's effect, Holm's correction
- `layeradv.store`: Every trained configuration stored once, under a hash of what changes its training
- `layeradv.train`: One trainer for every method: mixed precision, channels-last, exact resume, torchrun"""

__version__ = "0.0.1"
