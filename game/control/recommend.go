package control

import (
	"strings"

	"descent/game/config"
	"descent/optim"
)

// recommendationNote says what a change of problem did to the runners'
// parameters: each opens with the problem's recommendation, except the values
// the learner set by hand, which are named.
func recommendationNote(cfg config.Config) string {
	var kept []string
	for _, r := range cfg.Runners {
		spec, _ := optim.Lookup(r.Optimizer)
		for _, p := range spec.Params {
			if v, ok := r.Params[p.Name]; ok {
				kept = append(kept, spec.Display+" "+p.Name+" = "+formatValue(v))
			}
		}
	}
	note := "Each runner opens with the parameters recommended for " + cfg.Problem
	if len(kept) == 0 {
		return note + "."
	}
	return note + ", except what you set by hand, which is kept: " + strings.Join(kept, ", ") + "."
}
