package race

// trail is a fixed-size ring of the most recent positions; once full, each
// new point overwrites the oldest.
type trail struct {
	points     [][2]float64
	head, size int // points[head] is the oldest of size stored points
	total      int // points pushed since the last clear, dropped ones included
}

func newTrail(capacity int) trail { return trail{points: make([][2]float64, capacity)} }

func (t *trail) clear() { t.head, t.size, t.total = 0, 0, 0 }

func (t *trail) push(p [2]float64) {
	n := len(t.points)
	if n == 0 {
		return
	}
	t.total++
	if t.size < n {
		t.points[(t.head+t.size)%n] = p
		t.size++
		return
	}
	t.points[t.head] = p
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
