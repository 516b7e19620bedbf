package race

import "math"

// trail is a fixed-size ring of the most recent positions and their losses;
// once full, each new point overwrites the oldest.
type trail struct {
	points     [][2]float64
	losses     []float64   // losses[i] is the loss at points[i]
	head, size int         // points[head] is the oldest of size stored points
	total      int         // points pushed since the last clear, dropped ones included
	ranges     []lossRange // by block of lossBlock slots: the range of the losses it held last asked (lossRuns)
}

// lossBlock is how many slots of a trail share a lossRange.
const lossBlock = 64

// lossRange is the least and greatest finite loss of a run of a trail's
// losses: those pushed as the n from number first on since the last clear.
// A loss never changes once pushed, so the range holds while that run is
// asked for again; a clear, after which the numbers start over, zeroes every
// range (n 0: no run's).
type lossRange struct {
	first, n int
	lo, hi   float64
}

func newTrail(capacity int) trail {
	return trail{points: make([][2]float64, capacity), losses: make([]float64, capacity),
		ranges: make([]lossRange, (capacity+lossBlock-1)/lossBlock)}
}

func (t *trail) clear() {
	t.head, t.size, t.total = 0, 0, 0
	clear(t.ranges)
}

func (t *trail) push(p [2]float64, loss float64) {
	n := len(t.points)
	if n == 0 {
		return
	}
	t.total++
	if t.size < n {
		i := (t.head + t.size) % n
		t.points[i], t.losses[i] = p, loss
		t.size++
		return
	}
	t.points[t.head], t.losses[t.head] = p, loss
	t.head = (t.head + 1) % n
}

// lossRuns calls fn with the stored losses, oldest first, in runs that keep
// within a block of lossBlock slots, each with its least and greatest finite
// loss (+Inf and -Inf when it has none). A block's range is kept for the run
// it was worked out for, and worked out again when the block holds another:
// the loss chart scales itself to every stored loss every frame, and a frame
// reads the few blocks that changed (and, once the ring wraps, the block of
// the oldest and the newest losses, whose two runs share its range), where
// reading all of a trail's 4,096 losses was the largest part of the stress
// race's Frame in wasm. Pushing, every step, does no more than before.
func (t *trail) lossRuns(fn func(losses []float64, lo, hi float64)) {
	n, first := len(t.losses), t.total-t.size // first: the oldest's number
	for s, at := t.head, 0; at < t.size; {
		if s == n {
			s = 0
		}
		end := min((s/lossBlock+1)*lossBlock, n, s+t.size-at)
		r := &t.ranges[s/lossBlock]
		if r.first != first+at || r.n != end-s {
			*r = lossRange{first: first + at, n: end - s, lo: math.Inf(1), hi: math.Inf(-1)}
			for _, l := range t.losses[s:end] {
				if finite(l) {
					if l < r.lo {
						r.lo = l
					}
					if l > r.hi {
						r.hi = l
					}
				}
			}
		}
		fn(t.losses[s:end], r.lo, r.hi)
		at += end - s
		s = end
	}
}

// appendTo appends the newest k of the stored points to dst, oldest first (all
// of them when k exceeds the number stored).
func (t *trail) appendTo(dst [][2]float64, k int) [][2]float64 {
	return appendRing(dst, t.points, t.head, t.size, max(0, t.size-k))
}

// appendLosses appends the stored losses to dst, oldest first.
func (t *trail) appendLosses(dst []float64) []float64 {
	return appendRing(dst, t.losses, t.head, t.size, 0)
}

// appendRing appends entries from to size-1 of the ring of size entries
// whose oldest is ring[head], oldest first: at most two copies, where one
// append an entry, each with a division for the wrap, made a frame of the
// stress race (eight trails of 4096 points) some 0.4 ms slower in wasm.
func appendRing[T any](dst, ring []T, head, size, from int) []T {
	if from >= size {
		return dst
	}
	start, end := head+from, head+size // in the ring doubled
	if n := len(ring); start >= n {
		return append(dst, ring[start-n:end-n]...)
	} else if end > n {
		return append(append(dst, ring[start:]...), ring[:end-n]...)
	}
	return append(dst, ring[start:end]...)
}
