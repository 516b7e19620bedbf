package control

import "testing"

// TestSharedQueuesAndSettles: sent commands wait for the tick, a slider drag
// keeps its last value only, and Do applies what is queued before its own.
func TestSharedQueuesAndSettles(t *testing.T) {
	s := NewShared("problem=rosenbrock&paused=1")
	s.Send(SetParam{Runner: 0, Name: "lr", Text: "0.0011"})
	s.Send(SetParam{Runner: 0, Name: "lr", Text: "0.0013"})
	lr := func() (v float64) {
		s.Read(func(c *Controller) { v = c.State().Runners[0].Params["lr"] })
		return v
	}
	before := lr()
	if before == 0.0013 {
		t.Fatal("a sent command was applied before the tick")
	}
	if len(s.queue) != 1 {
		t.Errorf("a slider drag queued %d commands, want its last only", len(s.queue))
	}
	notes := s.Do(Step{N: 2})
	if lr() != 0.0013 || len(notes) != 0 {
		t.Errorf("Do applied the queue to lr %v, with notes %v; want 0.0013 and none", lr(), notes)
	}
	var step int
	s.Read(func(c *Controller) { step = c.State().Step })
	if step != 2 {
		t.Errorf("Do(Step{2}) left the race at step %d", step)
	}
	if !s.Tick() || s.Frame() == nil {
		t.Error("a visible controller did not tick or gave no frame")
	}
	s.Send(SetVisible{Visible: false})
	if s.Tick() {
		t.Error("an out-of-sight controller ticked")
	}
}

// TestSharedShowsThePageAfterTheFirstFrame: before the first frame the page
// waits, unless the canvas is out of sight; ShowPage shows it at once; a
// version that did not move shows nothing.
func TestSharedShowsThePageAfterTheFirstFrame(t *testing.T) {
	s := NewShared("")
	shown := 0
	s.OnPage = func(Page) { shown++ }
	s.Tick()
	s.SyncPage()
	if shown != 0 {
		t.Fatalf("the page was shown %d times before the first frame", shown)
	}
	s.ShowPage()
	s.SyncPage()
	if shown != 1 {
		t.Errorf("ShowPage then an unchanged SyncPage showed the page %d times, want 1", shown)
	}
	if !s.Drawn() || s.Drawn() {
		t.Error("Drawn did not report the first frame once")
	}
	s.Do(Pause{})
	if shown != 2 {
		t.Errorf("a change after the first frame showed the page %d times in all, want 2", shown)
	}

	hidden := NewShared("")
	hidden.OnPage = func(Page) { shown++ }
	shown = 0
	hidden.Send(SetVisible{Visible: false})
	hidden.Tick()
	hidden.SyncPage()
	if shown != 1 {
		t.Errorf("out of sight before any frame, the page was shown %d times, want 1", shown)
	}
}
