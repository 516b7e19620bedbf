package biasvar

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestSetAndFormat(t *testing.T) {
	// Every preset's panels survive Format and Set.
	for _, p := range Presets() {
		for _, pn := range p.Panels {
			s := Default()
			for pair := range strings.SplitSeq(pn.Spec.Format(), "&") {
				if pair == "" {
					continue
				}
				k, v, _ := strings.Cut(pair, "=")
				if err := s.Set(k, v); err != nil {
					t.Fatalf("%s: %v", p.Name, err)
				}
			}
			if !reflect.DeepEqual(s, pn.Spec) {
				t.Errorf("%s: %q reads back as %+v, want %+v", p.Name, pn.Spec.Format(), s, pn.Spec)
			}
		}
	}
	if f := Default().Format(); f != "" {
		t.Errorf("Default().Format() = %q, want empty", f)
	}
	for _, tc := range []struct{ key, val, want string }{
		{"sigma", "-1", "biasvar: sigma=-1: sigma = -1, want σ from 0 to 1e+06; kept 1"},
		{"theta", "1", "biasvar: theta=1: want two numbers a,b; kept -1,2"},
		{"design", "spiral", `design=spiral: problems: no design "spiral"`},
		{"trials", "1e6", "trials=1e6"},
		{"trials", "200000", "trials = 200000, want 2 to 100000"},
		{"n", "1", "n = 1, want a whole number in [2, 10000]; kept 10"},
	} {
		s := Default()
		err := s.Set(tc.key, tc.val)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Set(%s, %s): got %v, want an error with %q", tc.key, tc.val, err, tc.want)
		}
		if !reflect.DeepEqual(s, Default()) {
			t.Errorf("Set(%s, %s) failed but changed the spec to %+v", tc.key, tc.val, s)
		}
	}
	s := Default()
	if err := s.Set("scene", "biasvar"); !errors.Is(err, ErrUnknownKey) {
		t.Errorf("Set(scene): got %v, want ErrUnknownKey", err)
	}
}
