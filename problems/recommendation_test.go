package problems

import "testing"

func TestRecommendedLooksUpACopy(t *testing.T) {
	got, ok := Recommended("rosenbrock", "gd")
	if !ok || got["lr"] <= 0 {
		t.Fatalf("Recommended(rosenbrock, gd): got %v, %v, want a positive lr", got, ok)
	}
	got["lr"] = -1
	if again, _ := Recommended("rosenbrock", "gd"); again["lr"] == -1 {
		t.Errorf("changing the returned map changed the table")
	}
	for _, tc := range []struct{ problem, optimizer string }{{"nowhere", "gd"}, {"rosenbrock", "nothing"}, {"custom", "gd"}} {
		if p, ok := Recommended(tc.problem, tc.optimizer); ok {
			t.Errorf("Recommended(%q, %q): got %v, true, want false", tc.problem, tc.optimizer, p)
		}
	}
}
