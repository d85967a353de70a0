"""Regularizing deep networks with efficient layerwise adversarial training (Sankaranarayanan et al., AAAI 2018)

Modules:

- `layeradv.analysis`: The singular-value spectrum of the encoder Jacobian (Fig. 1) and t-SNE of penultimate features under layerwise perturbations (Fig. 2).
- `layeradv.attacks`: FGSM and PGD in pixel space, and the paper's layerwise attack with the previous sample's gradients (Table 4).
- `layeradv.bench`: What Gc costs: training-step times of every method, eager and compiled, measured side by side; seconds per epoch.
- `layeradv.core`: The paper's method: a layer `Gc` after every BatchNorm that perturbs its input with the sign of the gradient it saw on the previous batch.
- `layeradv.data`: CIFAR-10/100 and ImageFolder trees (also as `.tar.gz`), decoded once and cached; a device-resident CIFAR loader with on-device augmentation; the ImageNet pipeline.
- `layeradv.evidence`: Claims tested as studies: ε chosen on validation data, arms trained through the run store with paired seeds; paired comparisons with 95 % confidence intervals; a verdict per claim.
- `layeradv.experiments`: What every experiment chapter shares: settings, a grid of runs trained through the run store, and paper-vs-measured tables.
- `layeradv.measures`: One stream of attacked test images, and the measurements read from it: Table 4's attack strengths, Fig. 2's embeddings, Fig. 1's spectrum and Table 5's robustness.
- `layeradv.models`: The paper's architectures as plain PyTorch modules: VGG with BN, ResNet-20/56, WRN-28-10, AlexNet, the toy MLP and a 3-conv net.
- `layeradv.paths`: One home for every location the package reads or writes: the data sets (environment variables), the decoded-data cache, the repository's results and run store, training runs, and the one way files are written (atomically).
- `layeradv.provenance`: What produced a result: a fingerprint of the training code's behaviour, the torch version and the machine.
- `layeradv.repro.fig2`: Proposed (previous-sample) versus random layerwise perturbations of the same magnitude, seen in the features that enter the classifier.
- `layeradv.repro.full`: Table 1's ResNet-20 claim and the direction claim on all 45,000 training images with a converged schedule and early-stopped numbers, registered before the runs: on the CPU in fp32, and in bf16 on a GPU whenever one is lent.
- `layeradv.repro.paper`: Tables 1, 2, 3, 5 and 6 and the ImageNet experiment as the paper ran them: each an `Experiment` with named settings, its grid of runs and its paper-vs-measured table. Their settings beyond CI's need a GPU.
- `layeradv.repro.r20`: The paper's deep-network claims on a training set small enough for a CPU: 5,000 CIFAR images, ε chosen on validation data, paired seeds, on the CPU in fp32 and on a GPU in bf16.
- `layeradv.repro.table4`: Are the previous sample's gradient signs adversarial? A normally trained 3-conv + 1-fc network under input FGSM and under the layerwise previous-sample perturbation, in one unit.
- `layeradv.repro.toy`: A 1024-512 tanh MLP on grayscale CIFAR-10: Ours against the baseline, FGS, two random controls and dropout, with paired seeds, ε chosen on validation data, and the encoder Jacobian's spectrum.
- `layeradv.results`: A background worker that trains every study's runs until the store holds them all, and the README's table of claims computed from the store, with the command that reruns each row.
- `layeradv.stats`: Paired differences over seeds with their t-intervals and p-values, verdicts against the paper's effect, and Holm's correction over a family of claims.
- `layeradv.store`: Every trained configuration stored once, under a hash of what changes training: any table, chapter or command that needs a run asks the store.
- `layeradv.train`: One trainer for every method of the paper: mixed precision, channels-last, device-resident data, progress bars, run directories with curves, exact resume, and data-parallel training under `torchrun`."""

__version__ = "0.0.1"
