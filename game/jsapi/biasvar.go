package jsapi

import (
	"fmt"
	"strings"

	"descent/game/control"
	"descent/problems/biasvar"
)

// BiasVariance is descent.biasVariance(spec): the experiment a spec object describes
// ({design, n, theta: [a, b], sigma, lambda, x0: [a, b], trials, seed, X}, each
// optional), computed as {theory, sample, curve, best}; a bad spec is {error}
// naming the field.
func BiasVariance(args []any) map[string]any {
	var spec any = map[string]any{}
	if len(args) > 0 && args[0] != nil {
		spec = args[0]
	}
	m, ok := spec.(map[string]any)
	if !ok {
		return Error(fmt.Errorf("biasVariance: pass the experiment as an object like {n: 10, lambda: 2}, not %s", describe(spec)))
	}
	s, err := biasvar.SpecOf(m)
	if err == nil {
		var r biasvar.Result
		if r, err = biasvar.Compute(s); err == nil {
			return r.Plain()
		}
	}
	return Error(fmt.Errorf("biasVariance: %s", strings.TrimPrefix(err.Error(), "biasvar: ")))
}

// sceneState is state().biasVariance: null in the race.
func sceneState(s *control.SceneState) any {
	if s == nil {
		return nil
	}
	boards := make([]any, len(s.Boards))
	for i, b := range s.Boards {
		boards[i] = map[string]any{
			"spec": b.Spec.Plain(), "theory": b.Theory.Plain(), "sample": b.Sample.Plain(), "fit": pair(b.Fit), "landed": float64(b.Landed),
			"rect": quad(b.Rect), "view": quad(b.View),
		}
	}
	return map[string]any{"boards": boards, "curve": biasvar.PlainCurve(s.Curve), "best": s.Best.Plain(), "data": quad(s.Data), "chart": quad(s.Chart),
		"updateMs": s.UpdateMs}
}

func quad(q [4]float64) []any { return []any{q[0], q[1], q[2], q[3]} }
