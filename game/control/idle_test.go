package control

import (
	"fmt"
	"testing"
	"time"
)

// Idle is exact: while it holds, a tick changes nothing (the state, the
// version, whether a frame is due), so the loop may wait; and every kind of
// work, a running race, a reference path, a sweep of α, the scene's darts
// landing, keeps it false until done.
func TestIdleMeansATickChangesNothing(t *testing.T) {
	for _, tc := range []struct {
		name, hash string
		cmds       []Command
		busyFirst  bool
	}{
		{"paused", "paused=1", nil, false},
		{"a race that ends", "o=gd:lr=5;momentum:lr=5", nil, true},
		{"the reference path", "problem=rosenbrock&lbfgs=1&paused=1", nil, true},
		{"a sweep of α", "paused=1", []Command{Tune{}}, true},
		{"the bias–variance scene", "scene=bias-variance", nil, true},
		{"out of sight", "", []Command{SetVisible{Visible: false}}, false},
	} {
		c := sized(t, tc.hash)
		for _, cmd := range tc.cmds {
			do(t, c, cmd)
		}
		busy := 0
		for ; busy < 5000 && !c.Idle(); busy++ {
			c.Tick()
			if c.Dirty() {
				c.Frame()
			}
		}
		switch {
		case !c.Idle():
			t.Errorf("%s: still busy after %d ticks", tc.name, busy)
			continue
		case tc.busyFirst && busy < 2:
			t.Errorf("%s: idle after %d ticks, want its work to take some", tc.name, busy)
		}
		before, v, dirty := snapshot(c), c.Version(), c.Dirty()
		for range 3 {
			c.Tick()
		}
		if after := snapshot(c); after != before || c.Version() != v || c.Dirty() != dirty || !c.Idle() {
			t.Errorf("%s: idle, yet ticks changed it: state %s, version %d -> %d, dirty %v -> %v",
				tc.name, firstDiff(before, after), v, c.Version(), dirty, c.Dirty())
		}
		do(t, c, SetVisible{Visible: true})
		do(t, c, Step{N: 1})
		if c.Idle() {
			t.Errorf("%s: idle with a step to draw", tc.name)
		}
	}
}

// snapshot prints c's State, with what its pointers point to.
func snapshot(c *Controller) string {
	st := c.State()
	ref, bv, r := st.Reference, st.BiasVariance, &st
	r.Reference, r.BiasVariance = nil, nil
	return fmt.Sprintf("%v %+v %+v", st, ref, bv)
}

// firstDiff shows where a and b part: "same", or a little of each from there.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	if i == len(a) && i == len(b) {
		return "same"
	}
	return fmt.Sprintf("%q -> %q", a[i:min(len(a), i+60)], b[i:min(len(b), i+60)])
}

// WaitWhileIdle returns at once while there is work, when something is sent
// while it waits, and after its recheck with nothing sent.
func TestWaitWhileIdleWakesOnASend(t *testing.T) {
	s := NewShared("paused=1")
	s.recheck = time.Hour // so that only a wake can end the waits below
	s.Do(Resize{Screen: testScreen})
	wait := func() <-chan struct{} {
		done := make(chan struct{})
		go func() { s.WaitWhileIdle(); close(done) }()
		return done
	}
	within := func(what string, done <-chan struct{}) {
		t.Helper()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("WaitWhileIdle still waits 10 s after %s", what)
		}
	}
	within("a frame was due", wait()) // the first frame is due: no wait
	s.Frame()
	select {
	case <-s.wake: // Do's wake, not waited for
	default:
	}
	done := wait()
	select {
	case <-done:
		t.Fatal("WaitWhileIdle returned with nothing to do and nothing sent")
	case <-time.After(50 * time.Millisecond):
	}
	s.Send(Play{})
	within("a Send", done)
	s.Tick()
	s.Frame()
	within("a running race", wait())
	s.Do(Pause{})
	s.Frame()
	<-s.wake
	s.Wake()
	within("a Wake", wait())
	s.recheck = time.Millisecond
	within("the recheck", wait())
}
