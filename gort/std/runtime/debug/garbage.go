// gort's declarations for runtime/debug's garbage-collector controls. The
// functions without a body are Python natives (natives.py in this directory).

package debug

import (
	"runtime"
	"time"
)

// GCStats describes the garbage collector's recent activity.
type GCStats struct {
	LastGC         time.Time       // when the last cycle ended
	NumGC          int64           // cycles completed
	PauseTotal     time.Duration   // sum of all pauses
	Pause          []time.Duration // recent pauses, newest first
	PauseEnd       []time.Time     // when each of those pauses ended, newest first
	PauseQuantiles []time.Duration // if non-empty on input: min, quantiles..., max of Pause
}

// pauseHistory is how many pauses the runtime remembers (len(MemStats.PauseNs)).
const pauseHistory = len(runtime.MemStats{}.PauseNs)

// ReadGCStats fills stats, reusing its slices when they are large enough.
func ReadGCStats(stats *GCStats) {
	buf := stats.Pause
	if cap(buf) < 2*pauseHistory+3 {
		buf = make([]time.Duration, 2*pauseHistory+3)
	}
	// The runtime writes n pauses, their n end times, then three totals.
	readGCStats(&buf)
	tail := len(buf) - 3
	stats.LastGC = time.Unix(0, int64(buf[tail]))
	stats.NumGC = int64(buf[tail+1])
	stats.PauseTotal = buf[tail+2]
	n := tail / 2
	ends := buf[n : 2*n]
	stats.Pause = buf[:n]

	if cap(stats.PauseEnd) < pauseHistory {
		stats.PauseEnd = make([]time.Time, 0, pauseHistory)
	}
	stats.PauseEnd = stats.PauseEnd[:0]
	for _, ns := range ends {
		stats.PauseEnd = append(stats.PauseEnd, time.Unix(0, int64(ns)))
	}

	q := stats.PauseQuantiles
	if len(q) == 0 {
		return
	}
	if n == 0 {
		for i := range q {
			q[i] = 0
		}
		return
	}
	// Sort a copy of the pauses (in the end-time half of buf, no longer
	// needed) and pick evenly spaced ones.
	sorted := ends
	copy(sorted, stats.Pause)
	for i := 1; i < len(sorted); i++ {
		for j := i; j > 0 && sorted[j] < sorted[j-1]; j-- {
			sorted[j], sorted[j-1] = sorted[j-1], sorted[j]
		}
	}
	last := len(q) - 1
	for i := 0; i < last; i++ {
		q[i] = sorted[len(sorted)*i/last]
	}
	q[last] = sorted[len(sorted)-1]
}

// readGCStats stores the pause history in *pauses (native).
func readGCStats(pauses *[]time.Duration)

// SetGCPercent sets the garbage collection target percentage (GOGC) and
// returns the previous one; a negative value turns the collector off.
func SetGCPercent(percent int) int

// FreeOSMemory returns as much free heap memory to the OS as it can.
func FreeOSMemory()
