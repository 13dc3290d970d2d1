-- an endless loop written with goto
::again:: goto again
