package view

// runnerColorNames name runnerColors, in order, for text that describes the
// plot to someone who cannot see it.
var runnerColorNames = []string{"orange", "sky blue", "bluish green", "yellow", "blue", "vermillion", "reddish purple", "white"}

// RunnerColorName names RunnerColor(i) in words.
func RunnerColorName(i int) string { return runnerColorNames[i%len(runnerColorNames)] }
