"""Regularizing deep networks with efficient layerwise adversarial training (Sankaranarayanan et al., AAAI 2018)

Modules:

- `layeradv.evidence`: Claims tested as studies: ε chosen on validation data, arms trained through the run store with paired seeds; paired comparisons with 95 % confidence intervals; a verdict per claim.
- `layeradv.measures`: One stream of attacked test images, and the measurements read from it: Table 4's attack strengths, Fig. 2's embeddings, Fig. 1's spectrum and Table 5's robustness.
- `layeradv.paths`: One home for every location the package reads or writes: the data sets (environment variables), the decoded-data cache, the repository's results and run store, training runs, and the one way files are written (atomically).
- `layeradv.repro.fig2`: Proposed (previous-sample) versus random layerwise perturbations of the same magnitude, seen in the features that enter the classifier.
- `layeradv.repro.full`: Table 1's ResNet-20 claim and the direction claim on all 45,000 training images with a converged schedule and early-stopped numbers, registered before the runs: on the CPU in fp32, and in bf16 on a GPU whenever one is lent.
- `layeradv.repro.r20`: The paper's deep-network claims on a training set small enough for a CPU: 5,000 CIFAR images, ε chosen on validation data, paired seeds, on the CPU in fp32 and on a GPU in bf16.
- `layeradv.repro.table4`: Are the previous sample's gradient signs adversarial? A normally trained 3-conv + 1-fc network under input FGSM and under the layerwise previous-sample perturbation, in one unit.
- `layeradv.results`: A background worker that trains every study's runs until the store holds them all, and the README's table of claims computed from the store, with the command that reruns each row.
- `layeradv.stats`: Paired differences over seeds with their t-intervals and p-values, verdicts against the paper's effect, and Holm's correction over a family of claims."""

__version__ = "0.0.1"
