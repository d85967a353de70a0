"""Regularizing deep networks with efficient layerwise adversarial training (Sankaranarayanan et al., AAAI 2018)

Modules:

- `layeradv.repro.full`: Table 1's ResNet-20 claim and the direction claim on all 45,000 training images with a converged schedule and early-stopped numbers, registered before the runs: on the CPU in fp32, and in bf16 on a GPU whenever one is lent.
- `layeradv.stats`: Paired differences over seeds with their t-intervals and p-values, verdicts against the paper's effect, and Holm's correction over a family of claims."""

__version__ = "0.0.1"
