package config

import (
	"errors"
	"fmt"
	"slices"
	"sync"

	"descent/problems/biasvar"
)

// Preset is a ready-made setup: one of the course notes' figures, rebuilt live.
type Preset struct {
	Name  string // URL key: preset=fig2b
	Title string // what the panel lists
	About string // what the learner should see happen
	Hash  string // the setup, in the URL hash's own words
}

// racePresets are the course notes' figures on the quadratic f = a₁x² + a₂y² (§3.3,
// Figures 2a–2c, 3 and 4), then the notes' minibatch noise (§3.2) and Newton's
// method at a saddle. Each one's claim is checked by TestPresetsShowTheNotesFigures.
var racePresets = []Preset{
	{
		Name: "fig2a", Title: "Figure 2a · large step, well-conditioned",
		About: "On the round bowl (a₁ = a₂ = 1) gradient descent with a large step makes fast, steady progress: every gradient points at the minimum.",
		Hash:  "problem=quadratic&start=-4,3&o=gd:lr=0.4",
	},
	{
		Name: "fig2b", Title: "Figure 2b · same step, ill-conditioned",
		About: "The same step on the narrow valley (a₂ = 10): the vertical curvature is 20, above 2/α = 5, so the iterates swing across the valley ever wider and diverge.",
		Hash:  "problem=ill-conditioned&start=-4.5,2&o=gd:lr=0.4",
	},
	{
		Name: "fig2c", Title: "Figure 2c · small step, ill-conditioned",
		About: "A step small enough for the steep direction (α = 0.01) is stable, but it crawls along the flat one: 0.2% of the way per step.",
		Hash:  "problem=ill-conditioned&start=-4.5,2&o=gd:lr=0.01",
	},
	{
		Name: "fig3", Title: "Figure 3 · momentum",
		About: "Momentum keeps the steady push along the valley and lets the alternating vertical gradients cancel: it reaches the minimum long before gradient descent with nearly its largest stable step.",
		Hash:  "problem=ill-conditioned&start=-4.5,2&o=gd:lr=0.09;momentum:lr=0.02,m=0.9",
	},
	{
		Name: "fig4", Title: "Figure 4 · adaptive step sizes (RMSProp)",
		About: "RMSProp divides each coordinate's step by the size of its recent gradients, so both directions move at a similar pace instead of oscillating vertically and crawling horizontally.",
		Hash:  "problem=ill-conditioned&start=-4.5,2&o=gd:lr=0.09;rmsprop:lr=0.1",
	},
	{
		Name: "sgd-batch", Title: "§3.2 · SGD's noise and the batch size",
		About: "Fitting a line to noisy points: full-batch gradient descent glides to the least-squares fit, SGD with minibatches of 32 jitters close around it, and with single points it wanders widely. The noise shrinks as the batch grows; on average every minibatch points the right way.",
		Hash:  "problem=regression&o=gd:lr=0.1;sgd:lr=0.1,batch=32;sgd:lr=0.1,batch=1",
	},
	{
		Name: "newton-saddle", Title: "Newton's method at a saddle",
		About: "Newton's method jumps to where the local quadratic model is flat, which here is the saddle between the two valleys: it stops on a point that is not a minimum, while gradient descent rolls off into a valley.",
		Hash:  "problem=saddle&start=0.5,0.3&o=newton;gd:lr=0.1",
	},
}

// presets are every preset: the race's, then the bias–variance scene's
// (biasvar.Presets, written as hashes). They are made on first use, which the
// first frame does without unless its link names a preset: the scene's
// presets solve for their figures' λ.
var presets = sync.OnceValue(func() []Preset {
	all := slices.Clone(racePresets)
	for _, p := range biasvar.Presets() {
		hash := "scene=" + BiasVariance
		if len(p.Panels) > 1 {
			hash += "&dartboard=1"
		} else if kv := p.Panels[0].Spec.Format(); kv != "" {
			hash += "&" + kv
		}
		all = append(all, Preset{Name: p.Name, Title: p.Title, About: p.About, Hash: hash})
	}
	return all
})

// Presets returns every preset, in the order the panel lists them.
func Presets() []Preset { return slices.Clone(presets()) }

// LookupPreset returns the preset named name.
func LookupPreset(name string) (Preset, bool) {
	for _, p := range presets() {
		if p.Name == name {
			return p, true
		}
	}
	return Preset{}, false
}

// presetConfigs returns the presets' setups, parsed once, on first use. A
// preset whose hash has any error is a programmer error: the program stops,
// and TestEveryPresetParsesCleanly names it. A sync.Once rather than a
// sync.OnceValue variable: Apply reaches this function (preset=), and a
// variable whose value refers to Apply would be an initialization cycle.
func presetConfigs() map[string]Config {
	parsePresets.Do(func() {
		parsedPresets = make(map[string]Config, len(presets()))
		for _, p := range presets() {
			c, errs := Apply(Default(), p.Hash)
			if len(errs) > 0 {
				panic(fmt.Sprintf("config: preset %s: %v", p.Name, errors.Join(errs...)))
			}
			parsedPresets[p.Name] = c
		}
	})
	return parsedPresets
}

var (
	parsePresets  sync.Once
	parsedPresets map[string]Config // by name, once parsePresets is done
)

// CheckPreset returns the errors of a preset's hash: none for every built-in preset.
func CheckPreset(p Preset) []error {
	_, errs := Apply(Default(), p.Hash)
	return errs
}

// Config returns the setup p describes, parsed once.
func (p Preset) Config() Config { return presetConfigs()[p.Name].Clone() }
