import RoleGraph
print(BuiltinGraph.yaml)
