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
	for i := max(0, t.size-k); i < t.size; i++ {
		dst = append(dst, t.points[(t.head+i)%len(t.points)])
	}
	return dst
}

// appendLosses appends the stored losses to dst, oldest first.
func (t *trail) appendLosses(dst []float64) []float64 {
	for i := range t.size {
		dst = append(dst, t.losses[(t.head+i)%len(t.losses)])
	}
	return dst
}
