package race

// trail is a fixed-size ring of the most recent positions and their losses;
// once full, each new point overwrites the oldest.
type trail struct {
	points     [][2]float64
	losses     []float64 // losses[i] is the loss at points[i]
	head, size int       // points[head] is the oldest of size stored points
	total      int       // points pushed since the last clear, dropped ones included
}

func newTrail(capacity int) trail {
	return trail{points: make([][2]float64, capacity), losses: make([]float64, capacity)}
}

func (t *trail) clear() { t.head, t.size, t.total = 0, 0, 0 }

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
// stress race (eight trails of 4096 losses, for the loss chart) some 0.4 ms
// slower in wasm.
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
