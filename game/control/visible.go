package control

// SetVisible says whether the learner can see the canvas: false while the tab
// is hidden or the canvas is scrolled out of view (a course page that embeds
// Descent further down). Out of sight, Tick does nothing and no frame is due,
// so the page costs nothing; back in sight, the race goes on where it was.
type SetVisible struct{ Visible bool }

func (cmd SetVisible) apply(c *Controller) []string {
	if c.hidden == !cmd.Visible {
		return nil
	}
	c.hidden = !cmd.Visible
	if cmd.Visible {
		c.dirty = true // one frame, whatever happened meanwhile (a resize, say)
	}
	return nil
}

// Hidden reports whether the canvas is out of sight (SetVisible): the game's
// Update then returns at once.
func (c *Controller) Hidden() bool { return c.hidden }
