package main

import ;
