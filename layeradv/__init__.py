"""Regularizing deep networks with efficient layerwise adversarial training (Sankaranarayanan et al., AAAI 2018)

Modules:

- `layeradv.stats`: Paired differences over seeds with their t-intervals and p-values, verdicts against the paper's effect, and Holm's correction over a family of claims."""

__version__ = "0.0.1"
