package control

import "testing"

// Out of sight, ticks take no step and no frame is due; commands (a script's
// step) still apply, and back in sight the race goes on from there.
func TestHiddenCanvasTicksAndDrawsNothing(t *testing.T) {
	c := sized(t, "")
	c.Frame()
	c.Tick()
	moved := c.race.Step
	if moved == 0 || !c.Dirty() {
		t.Fatalf("a visible tick: step %d, dirty %v; want a step > 0 and a frame due", moved, c.Dirty())
	}
	c.Frame()
	do(t, c, SetVisible{Visible: false})
	if !c.Hidden() {
		t.Fatalf("Hidden() = false after SetVisible{false}")
	}
	for range 10 {
		c.Tick()
	}
	if c.race.Step != moved || c.Dirty() {
		t.Errorf("10 hidden ticks: step %d, dirty %v; want step %d (no steps), no frame due", c.race.Step, c.Dirty(), moved)
	}
	do(t, c, Step{N: 3})
	if c.race.Step != moved+3 || c.Dirty() {
		t.Errorf("Step{3} while hidden: step %d, dirty %v; want %d and still no frame due", c.race.Step, c.Dirty(), moved+3)
	}
	do(t, c, SetVisible{Visible: true})
	if c.Hidden() || !c.Dirty() {
		t.Errorf("back in sight: hidden %v, dirty %v; want false, true", c.Hidden(), c.Dirty())
	}
	c.Tick()
	if c.race.Step <= moved+3 {
		t.Errorf("a tick back in sight: step %d, want more than %d", c.race.Step, moved+3)
	}
}

// Telling the controller what it already knows changes nothing.
func TestSetVisibleTwiceIsNoChange(t *testing.T) {
	c := sized(t, "")
	c.Frame()
	v := c.Version()
	do(t, c, SetVisible{Visible: true})
	if c.Dirty() || c.Version() != v {
		t.Errorf("SetVisible{true} while visible: dirty %v, version %d→%d; want no frame due and no page change", c.Dirty(), v, c.Version())
	}
}
