package biasvar

import (
	"math"

	"descent/problems"
)

// Panel is one view of a preset: an experiment and the caption shown under it.
type Panel struct {
	Caption string
	Spec    Spec
	// HighBias and HighVariance are what the caption claims of the cloud of fits,
	// measured by Spread and Offset against the board's radius ‖θ‖ (Level).
	HighBias, HighVariance bool
}

// Preset is a named bias–variance scene: one panel, or Figure 1's four.
type Preset struct {
	Name, Title, About string
	Panels             []Panel
}

// The dartboard's levels, as fractions of its radius ‖θ‖: a cloud's offset or
// spread below LowFraction·‖θ‖ is low, above HighFraction·‖θ‖ high.
const (
	LowFraction  = 0.1
	HighFraction = 0.4
)

// Spread returns √trace(cov), the root-mean-square distance of a fit from the
// cloud's centre.
func Spread(cov [2][2]float64) float64 { return math.Sqrt(cov[0][0] + cov[1][1]) }

// Offset returns ‖bias‖, the distance of the cloud's centre from the truth.
func Offset(bias [2]float64) float64 { return math.Hypot(bias[0], bias[1]) }

// Level returns -1 (low), 1 (high) or 0 (neither) for a figure v on a board of radius r.
func Level(v, r float64) int {
	switch {
	case v < LowFraction*r:
		return -1
	case v > HighFraction*r:
		return 1
	}
	return 0
}

// olsSpec is bv-ols's and its neighbours' experiment: the line y = 2t − 1 from six
// points with σ = 1.5, predicted at t = 1.
func olsSpec() Spec {
	s := Default()
	s.N, s.Sigma = 6, 1.5
	return s
}

// dartSpec returns the dartboard's common experiment with n points, noise σ and λ.
func dartSpec(n int, sigma, lambda float64) Spec {
	s := Default()
	s.Design, s.N, s.Sigma, s.Lambda = problems.DesignLine, n, sigma, lambda
	return s
}

// Dartboard returns Figure 1's four targets: each a cloud of fits θ̃ around the
// truth θ = (−1, 2), with low or high bias and low or high variance.
func Dartboard() []Panel {
	return []Panel{
		{
			Caption: "Low bias, low variance: 200 points with little noise (σ = 0.5) and no penalty — the fits cluster on the bullseye.",
			Spec:    dartSpec(200, 0.5, 0),
		},
		{
			Caption:      "Low bias, high variance: least squares on 4 noisy points (σ = 2) — centred on the bullseye on average, but scattered widely.",
			Spec:         dartSpec(4, 2, 0),
			HighVariance: true,
		},
		{
			Caption:  "High bias, low variance: 200 quiet points under a heavy penalty (λ = 200) — a tight cluster, pulled off the bullseye towards 0.",
			Spec:     dartSpec(200, 0.5, 200),
			HighBias: true,
		},
		{
			Caption:      "High bias, high variance: 2 very noisy points (σ = 2.5) and a penalty (λ = 3) — off the bullseye and scattered.",
			Spec:         dartSpec(2, 2.5, 3),
			HighBias:     true,
			HighVariance: true,
		},
	}
}

// Presets returns the bias–variance scene's presets, in menu order; the slice is
// fresh.
func Presets() []Preset {
	ols := olsSpec()
	ridge := olsSpec()
	ridge.Lambda = 6
	best := olsSpec()
	x, _ := best.design()
	m := newModel(x, best.Theta, best.Sigma, best.X0)
	best.Lambda = m.best().Lambda
	return []Preset{
		{
			Name: "bv-ols", Title: "Problem 2 · least squares is unbiased",
			About:  "Fit a line by least squares to many datasets of six noisy points: the fits centre on the true θ (no bias), but they scatter widely, and so does the prediction.",
			Panels: []Panel{{Caption: "OLS, λ = 0: unbiased, a wide cloud.", Spec: ols, HighVariance: true}},
		},
		{
			Name: "bv-ridge", Title: "Problem 3 · ridge trades variance for bias",
			About:  "The same datasets fitted with the penalty λ‖θ‖², λ = 6: every fit is pulled towards 0, so the cloud is much tighter but its centre misses the true θ.",
			Panels: []Panel{{Caption: "Ridge, λ = 6: biased, a tight cloud.", Spec: ridge, HighBias: true}},
		},
		{
			Name: "bv-best", Title: "The best λ",
			About:  "The λ at which the expected squared error of the prediction, variance + bias² + σ², is least: a little bias buys a larger cut in variance.",
			Panels: []Panel{{Caption: "Ridge at the λ of least expected error.", Spec: best}},
		},
		{
			Name: "bv-dartboard", Title: "Figure 1 · bias and variance as darts",
			About:  "Each dart is one dataset's fit θ̃, the bullseye the true θ. Bias moves the cloud off the bullseye; variance spreads it.",
			Panels: Dartboard(),
		},
	}
}

// LookupPreset returns the preset named name.
func LookupPreset(name string) (Preset, bool) {
	for _, p := range Presets() {
		if p.Name == name {
			return p, true
		}
	}
	return Preset{}, false
}
