package expr

import (
	"maps"
	"slices"
)

// FunctionNames lists the grammar's function names, sorted (ln beside log):
// the order messages give them in. Tests outside the package that must cover
// every function read them here too.
func FunctionNames() []string {
	return slices.Sorted(maps.Keys(functions))
}
