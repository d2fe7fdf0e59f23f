// select {} with everything else blocked is a deadlock.
package main

import "fmt"

func main() {
	fmt.Println("blocking forever")
	select {}
}
