package jsapi

import (
	"encoding/json"
	"math"
	"reflect"
	"testing"

	"descent/game/control"
	"descent/optim"
)

// TestStateHasTheStepExactly: state().runners[i] carries the last step's
// numbers as the controller has them, and a number that is not finite (a
// diverging step's) comes as null, so that the state stays JSON.
func TestStateHasTheStepExactly(t *testing.T) {
	r := control.RunnerState{
		LastStep: 3, Grad: [2]float64{1, -2}, FullGrad: [2]float64{1.5, -2}, Update: [2]float64{math.Inf(1), math.NaN()},
		Internals: []optim.Vec{{Name: "m", X: [2]float64{0.1, 0.2}}, {Name: "v", X: [2]float64{3, math.Inf(-1)}}},
		StepSize:  [2]float64{0.01, 0.02}, HasStepSize: true,
	}
	st := State(control.State{Runners: []control.RunnerState{r, {}}, Follow: 0, Arrows: true})
	got := st["runners"].([]any)[0].(map[string]any)
	want := map[string]any{
		"grad": []any{1.0, -2.0}, "fullGrad": []any{1.5, -2.0}, "update": []any{nil, nil},
		"internals": map[string]any{"m": []any{0.1, 0.2}, "v": []any{3.0, nil}}, "stepSize": []any{0.01, 0.02},
	}
	for k, w := range want {
		if !reflect.DeepEqual(got[k], w) {
			t.Errorf("%s: got %#v, want %#v", k, got[k], w)
		}
	}
	if _, err := json.Marshal(st); err != nil {
		t.Errorf("state does not marshal: %v", err)
	}
	none := st["runners"].([]any)[1].(map[string]any)
	for _, k := range []string{"grad", "fullGrad", "update", "stepSize"} {
		if none[k] != nil {
			t.Errorf("before the first step %s = %#v, want null", k, none[k])
		}
	}
	if st["follow"] != 0.0 || st["arrows"] != true {
		t.Errorf("follow %#v, arrows %#v; want 0, true", st["follow"], st["arrows"])
	}
	if st := State(control.State{Follow: -1}); st["follow"] != nil {
		t.Errorf("follow %#v with none followed, want null", st["follow"])
	}
}
